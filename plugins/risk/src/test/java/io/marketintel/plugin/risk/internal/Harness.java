package io.marketintel.plugin.risk.internal;

import io.marketintel.api.Params;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Position;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin started on a fake context (the clock at {@link Fixtures#NOW}), fake exchange and fake market (exchange
 * info of {@link Fixtures#SYMBOLS}), with an in-memory plan store.
 */
final class Harness {

    final FakeExchange exchange = new FakeExchange();
    final FakeMarketData market = new FakeMarketData()
            .exchangeInfo(new ExchangeInfo(Fixtures.T0, List.of(), Fixtures.SYMBOLS));
    final InMemoryPlanStore plans = new InMemoryPlanStore();
    final RiskPlugin plugin = new RiskPlugin(ctx -> plans);
    final FakePluginContext ctx = new FakePluginContext(plugin.descriptor(), RiskSettings.defaultParams(), market)
            .clockAt(Fixtures.NOW)
            .withExchange(exchange);

    Harness() {
        Fixtures.done(plugin.start(ctx));
    }

    Harness configure(Map<String, ?> overrides) {
        ctx.configure(overrides);
        return this;
    }

    /** Scripts {@code symbol}'s mark price (its premium index, as the market answers it). */
    Harness mark(String symbol, double price) {
        market.premiumIndex(Fixtures.markedAt(symbol, price));
        return this;
    }

    PortfolioHeat heat() {
        return Fixtures.done(plugin.portfolioHeat(Fixtures.request(Map.of())));
    }

    RebalanceResult rebalance(boolean dryRun, String requestId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(RiskPlugin.DRY_RUN, dryRun);
        if (requestId != null) {
            p.put(RiskPlugin.REQUEST_ID, requestId);
        }
        return Fixtures.done(plugin.autoRebalance(Fixtures.request(p)));
    }

    /** Settings: the defaults with {@code overrides}. */
    static RiskSettings settings(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(RiskSettings.defaultParams().asMap());
        values.putAll(overrides);
        return RiskSettings.from(Params.of(values));
    }

    /** The pure model on given inputs, no correlation data unless given, brackets as given. */
    static PortfolioHeat model(List<Position> positions, Account account, RiskSettings s, CorrelationEstimate corr,
                               Map<String, List<LeverageBracket>> brackets) {
        List<String> symbols = PortfolioModel.open(positions).stream().map(Position::symbol).distinct().toList();
        CorrelationEstimate c = corr != null ? corr : CorrelationEstimate.none(symbols, s.correlationPeriod());
        return PortfolioModel.analyse(new PortfolioModel.Inputs(positions, account,
                Map.of(Fixtures.BTC, Fixtures.SYMBOLS.get(0), Fixtures.ETH, Fixtures.SYMBOLS.get(1), Fixtures.SOL,
                        Fixtures.SYMBOLS.get(2), Fixtures.BNB, Fixtures.SYMBOLS.get(3), Fixtures.XRP,
                        Fixtures.SYMBOLS.get(4)), c, brackets, s, "fake", true, Fixtures.NOW));
    }

    /** {@link #model} without correlation data and brackets. */
    static PortfolioHeat model(List<Position> positions, Account account, RiskSettings s) {
        return model(positions, account, s, null, Map.of());
    }
}
