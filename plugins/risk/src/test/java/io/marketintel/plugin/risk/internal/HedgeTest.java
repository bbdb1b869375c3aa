package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static io.marketintel.plugin.risk.internal.Fixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ADD_HEDGE with the hedge from the correlation plugin, asked over {@code ctx.call} (stubbed here with the reply the
 * correlation plugin sends), and without it.
 */
class HedgeTest {

    /** The correlation plugin's {@code hedge} answer, trimmed to what the risk plugin reads. */
    private static JsonObject reply(String symbol, double ratio, double correlation, String hedgeSide) {
        JsonObject best = symbol == null ? null : new JsonObject().put("symbol", symbol).put("hedge_ratio", ratio)
                .put("correlation", correlation).put("effectiveness", correlation * correlation * 100)
                .put("hedge_side", hedgeSide);
        return new JsonObject().put("data", new JsonObject().put("target_symbol", BTC).put("best_hedge", best)
                .put("hedge_correlation_threshold", 0.7).put("recommendations", List.of()));
    }

    private static RebalanceAction hedgeAction(PortfolioHeat r) {
        return r.rebalanceActions().stream().filter(a -> a.action() == ActionType.ADD_HEDGE).findFirst().orElseThrow();
    }

    @Test
    void theHedgeSymbolComesFromTheCorrelationPlugin() {
        Harness h = Scenarios.hot();
        h.ctx.answerCalls(call -> Future.succeededFuture(reply(ETH, 0.8, 0.9, "SHORT")));
        RebalanceAction a = hedgeAction(h.heat());
        assertThat(a.symbol()).isEqualTo(BTC);
        // 10 000 USDT of BTC × |0.8| × 50 % = 4 000 USDT of ETH at 3 000 = 1.3333 → 1.333 (step 0.001); a long is
        // hedged on the hedge's SHORT side: SELL
        assertThat(a.hedge()).isEqualTo(new HedgeSuggestion(ETH, Side.SELL, new BigDecimal("1.333"), 4_000.0, 0.8, 0.9,
                0.9 * 0.9 * 100, 3_000.0));
        assertThat(a.note()).isNull();
        assertThat(h.ctx.calls()).singleElement().satisfies(c -> {
            assertThat(c.pluginId()).isEqualTo("correlation");
            assertThat(c.operation()).isEqualTo("hedge");
            assertThat(c.pathValue()).isEqualTo(BTC);
            assertThat(Map.copyOf(c.params())).isEqualTo(Map.of(
                    "candidates", List.of(ETH, "BNBUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT", "LINKUSDT",
                            "AVAXUSDT", "LTCUSDT"),
                    "period", "1h",
                    "lookback", 100));
            assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void aShortIsHedgedOnTheOtherSide() {
        Harness h = Scenarios.hotShort();
        h.ctx.answerCalls(call -> Future.succeededFuture(reply(ETH, 0.8, 0.9, "SHORT")));
        RebalanceAction a = hedgeAction(h.heat());
        assertThat(a.symbol()).isEqualTo(BTC);
        assertThat(a.hedge().side()).isEqualTo(Side.BUY);
        assertThat(a.hedge().quantity()).isEqualTo(new BigDecimal("1.333"));
    }

    @Test
    void aNegativeHedgeRatioHedgesOnTheSameSide() {
        Harness h = Scenarios.hot();
        h.ctx.answerCalls(call -> Future.succeededFuture(reply("SOLUSDT", -0.5, -0.8, "LONG")));
        RebalanceAction a = hedgeAction(h.heat());
        // 10 000 × 0.5 × 50 % = 2 500 USDT at 100 = 25 SOL, bought
        assertThat(a.hedge().side()).isEqualTo(Side.BUY);
        assertThat(a.hedge().quantity()).isEqualTo(new BigDecimal("25"));
        assertThat(a.hedge().notional()).isEqualTo(2_500.0);
    }

    @Test
    void withoutTheCorrelationPluginTheHedgeCarriesNoSymbolAndSaysWhy() {
        Harness h = Scenarios.hot();   // the default stub: nobody serves correlation.hedge
        PortfolioHeat r = h.heat();
        RebalanceAction a = hedgeAction(r);
        assertThat(a.hedge()).isNull();
        assertThat(a.note()).isEqualTo("no hedge symbol: the correlation plugin could not be asked (NOT_FOUND: nobody"
                + " serves operation [correlation.hedge])");
        assertThat(r.portfolioHeatScore()).isEqualTo(73.36);
    }

    @Test
    void aDisabledCorrelationPluginIsSaid() {
        Harness h = Scenarios.hot();
        h.ctx.answerCalls(call -> Future.failedFuture(new IntelException(ErrorCode.PLUGIN_DISABLED,
                "plugin [correlation] is disabled")));
        assertThat(hedgeAction(h.heat()).note()).isEqualTo("no hedge symbol: the correlation plugin could not be asked"
                + " (PLUGIN_DISABLED: plugin [correlation] is disabled)");
    }

    @Test
    void noQualifyingCandidateIsSaid() {
        Harness h = Scenarios.hot();
        h.ctx.answerCalls(call -> Future.succeededFuture(reply(null, 0, 0, null)));
        RebalanceAction a = hedgeAction(h.heat());
        assertThat(a.hedge()).isNull();
        assertThat(a.note()).isEqualTo("no hedge symbol: the correlation plugin found no candidate among 9 whose"
                + " |correlation| with BTCUSDT is above its hedge threshold 0.7");
    }

    @Test
    void aHedgeWithoutAMarkPriceHasNoQuantity() {
        Harness h = Scenarios.hot();
        h.ctx.answerCalls(call -> Future.succeededFuture(reply("BNBUSDT", 1.2, 0.8, "SHORT")));
        RebalanceAction a = hedgeAction(h.heat());
        assertThat(a.hedge().symbol()).isEqualTo("BNBUSDT");
        assertThat(a.hedge().quantity()).isNull();
        assertThat(a.note()).isEqualTo("no quantity: BNBUSDT has no mark price from the market");
    }

    @Test
    void autoRebalanceNeverOpensTheHedgeItReportsIt() {
        Harness h = Scenarios.hot();
        h.ctx.answerCalls(call -> Future.succeededFuture(reply(ETH, 0.8, 0.9, "SHORT")));
        RebalanceResult r = h.rebalance(false, "hedge-1");
        ActionOutcome hedge = r.actions().get(3);
        assertThat(hedge.action().action()).isEqualTo(ActionType.ADD_HEDGE);
        assertThat(hedge.status()).isEqualTo(OutcomeStatus.ADVISORY);
        assertThat(hedge.orders()).isEmpty();
        assertThat(hedge.action().hedge().symbol()).isEqualTo(ETH);
        assertThat(h.exchange.placed).noneMatch(o -> !o.reduceOnly());
        assertThat(h.exchange.placed).extracting(o -> o.symbol()).containsOnly(BTC);
    }
}
