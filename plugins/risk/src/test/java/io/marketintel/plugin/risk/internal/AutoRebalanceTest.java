package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static io.marketintel.plugin.risk.internal.Fixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** auto-rebalance on a recording fake exchange: dry run against live run, reduce-only, failures, idempotency. */
class AutoRebalanceTest {

    private static final OrderRequest REDUCE_BTC = OrderRequest.market(BTC, Side.SELL, new BigDecimal("0.100"), true,
            "rb-t1-1");

    @Test
    void aDryRunAnswersExactlyTheOrdersALiveRunSends() {
        Harness h = Scenarios.hot();
        RebalanceResult dry = h.rebalance(true, "t1");
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.orders()).containsExactly(REDUCE_BTC);
        assertThat(dry.actions()).extracting(o -> o.action().action(), ActionOutcome::status)
                .containsExactly(tuple(ActionType.REDUCE_POSITION, OutcomeStatus.DRY_RUN),
                        tuple(ActionType.ADJUST_LEVERAGE, OutcomeStatus.DRY_RUN),
                        tuple(ActionType.ADJUST_LEVERAGE, OutcomeStatus.DRY_RUN),
                        tuple(ActionType.ADD_HEDGE, OutcomeStatus.ADVISORY));
        assertThat(h.exchange.placed).isEmpty();
        assertThat(h.exchange.leverageCalls).isEmpty();
        assertThat(h.plans.stored).isEmpty();

        RebalanceResult live = h.rebalance(false, "t1");
        assertThat(live.dryRun()).isFalse();
        assertThat(live.replayed()).isFalse();
        assertThat(h.exchange.placed).containsExactlyElementsOf(dry.orders());
        assertThat(live.orders()).isEqualTo(dry.orders());
        assertThat(live.actions()).extracting(ActionOutcome::orders)
                .isEqualTo(dry.actions().stream().map(ActionOutcome::orders).toList());
        assertThat(live.actions()).extracting(o -> o.action().action(), ActionOutcome::status, ActionOutcome::leverageSet)
                .containsExactly(tuple(ActionType.REDUCE_POSITION, OutcomeStatus.EXECUTED, null),
                        tuple(ActionType.ADJUST_LEVERAGE, OutcomeStatus.EXECUTED, 3),
                        tuple(ActionType.ADJUST_LEVERAGE, OutcomeStatus.EXECUTED, 3),
                        tuple(ActionType.ADD_HEDGE, OutcomeStatus.ADVISORY, null));
        assertThat(live.actions().get(0).results()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo("rb-t1-1");
            assertThat(o.status()).isEqualTo("FILLED");
            assertThat(o.executedQty()).isEqualByComparingTo("0.1");
            assertThat(o.resent()).isTrue();
        });
        assertThat(h.exchange.leverageCalls).containsExactly("BTCUSDT=3", "ETHUSDT=3");
        assertThat(h.exchange.positions.get(BTC).positionAmt()).isEqualByComparingTo("0.1");
        assertThat(live.summary()).isEqualTo(new RebalanceResult.Summary(4, 0, 3, 0, 0, 0, 1));
    }

    /** Position sets with longs and shorts, sizes that do and do not halve on the step, some closed, some reduced. */
    static Stream<List<Position>> portfolios() {
        return Stream.of(
                List.of(Fixtures.position(BTC, "0.37", 50_000, 48_000, 20),
                        Fixtures.position(ETH, "-1.9", 3_000, 3_300, 15)),
                List.of(Fixtures.position("SOLUSDT", "13", 100, 90, 25),
                        Fixtures.position(Fixtures.XRP, "-1234.5", 0.5, 0.55, 10),
                        Fixtures.position(Fixtures.BNB, "0.03", 500, 520, 3)),
                List.of(Fixtures.liquidatingAt(Fixtures.position(BTC, "-0.999", 50_000, 51_000, 50), 51_500),
                        Fixtures.position(ETH, "0.001", 3_000, 3_000, 2)));
    }

    @ParameterizedTest
    @MethodSource("portfolios")
    void reduceOnlyOrdersNeverIncreaseAPosition(List<Position> positions) {
        Harness h = new Harness().configure(Map.of(RiskSettings.MAX_POSITION_RISK, 1.0,
                RiskSettings.CLOSE_POSITION_RISK, 40.0));
        positions.forEach(h.exchange::hold);
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        positions.forEach(p -> before.put(p.symbol(), p.positionAmt()));

        RebalanceResult r = h.rebalance(false, "ro");
        assertThat(r.orders()).isNotEmpty().isEqualTo(h.exchange.placed);
        for (OrderRequest o : r.orders()) {
            BigDecimal held = before.get(o.symbol());
            assertThat(held).as("order %s is for a held symbol", o.clientOrderId()).isNotNull();
            assertThat(o.reduceOnly()).as("reduce-only %s", o.clientOrderId()).isTrue();
            assertThat(o.side()).as("side of %s", o.clientOrderId()).isEqualTo(held.signum() > 0 ? Side.SELL : Side.BUY);
            assertThat(o.quantity()).as("quantity of %s", o.clientOrderId()).isPositive()
                    .isLessThanOrEqualTo(held.abs());
        }
        assertThat(r.actions()).noneMatch(a -> a.status() == OutcomeStatus.FAILED);
        for (Map.Entry<String, BigDecimal> e : before.entrySet()) {
            Position after = h.exchange.positions.get(e.getKey());
            if (after != null) {
                assertThat(after.positionAmt().signum()).isEqualTo(e.getValue().signum());
                assertThat(after.positionAmt().abs()).isLessThanOrEqualTo(e.getValue().abs());
            }
        }
        assertThat(h.exchange.positions.keySet()).isSubsetOf(before.keySet());
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        Harness h = Scenarios.hot();
        h.exchange.failingSymbols.add(BTC);
        h.exchange.failingLeverage.add(ETH);
        RebalanceResult r = h.rebalance(false, "f1");
        assertThat(r.actions()).extracting(o -> o.action().action(), o -> o.action().symbol(), ActionOutcome::status)
                .containsExactly(tuple(ActionType.REDUCE_POSITION, BTC, OutcomeStatus.FAILED),
                        tuple(ActionType.ADJUST_LEVERAGE, BTC, OutcomeStatus.EXECUTED),
                        tuple(ActionType.ADJUST_LEVERAGE, ETH, OutcomeStatus.FAILED),
                        tuple(ActionType.ADD_HEDGE, BTC, OutcomeStatus.ADVISORY));
        assertThat(r.actions().get(0).error()).isEqualTo("UPSTREAM_ERROR: the exchange refused rb-f1-1 (injected"
                + " failure)");
        assertThat(r.actions().get(0).results()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("FAILED");
            assertThat(o.orderId()).isNull();
        });
        assertThat(r.actions().get(2).error()).isEqualTo("CONFLICT: leverage of ETHUSDT cannot change now (injected"
                + " failure)");
        assertThat(r.summary()).isEqualTo(new RebalanceResult.Summary(4, 0, 1, 0, 2, 0, 1));
        assertThat(h.exchange.leverageCalls).containsExactly("BTCUSDT=3", "ETHUSDT=3");
    }

    @Test
    void aRetryWithTheSameRequestIdSendsNothingTwice() {
        Harness h = Scenarios.hot();
        RebalanceResult first = h.rebalance(false, "t2");
        assertThat(h.exchange.positions.get(BTC).positionAmt()).isEqualByComparingTo("0.1");
        // the positions changed; a fresh plan would cut BTC again. The retry carries out the stored plan instead.
        RebalanceResult retry = h.rebalance(false, "t2");
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.orders()).isEqualTo(first.orders());
        assertThat(h.exchange.placed).hasSize(1);
        assertThat(h.exchange.lookups).containsExactly("BTCUSDT|rb-t2-1");
        assertThat(retry.actions().get(0).status()).isEqualTo(OutcomeStatus.EXECUTED);
        assertThat(retry.actions().get(0).results()).singleElement().satisfies(o -> assertThat(o.resent()).isFalse());
        assertThat(h.exchange.positions.get(BTC).positionAmt()).isEqualByComparingTo("0.1");
        assertThat(retry.plannedAt()).isEqualTo(first.plannedAt());

        // a dry run with that id answers the stored plan too
        RebalanceResult dry = h.rebalance(true, "t2");
        assertThat(dry.replayed()).isTrue();
        assertThat(dry.orders()).isEqualTo(first.orders());
        assertThat(h.exchange.placed).hasSize(1);
    }

    @Test
    void aRetrySendsWhatTheFirstAttemptDidNotGetTo() {
        Harness h = Scenarios.hot();
        h.exchange.failingSymbols.add(BTC);
        assertThat(h.rebalance(false, "t3").actions().get(0).status()).isEqualTo(OutcomeStatus.FAILED);
        h.exchange.failingSymbols.clear();
        RebalanceResult retry = h.rebalance(false, "t3");
        assertThat(retry.actions().get(0).status()).isEqualTo(OutcomeStatus.EXECUTED);
        assertThat(retry.actions().get(0).results().get(0).resent()).isTrue();
        assertThat(h.exchange.positions.get(BTC).positionAmt()).isEqualByComparingTo("0.1");
    }

    @Test
    void withoutARequestIdTheEpochSecondIsTheRebalanceId() {
        Harness h = Scenarios.hot();
        RebalanceResult r = h.rebalance(true, null);
        String second = Long.toString(Fixtures.NOW / 1000);
        assertThat(r.rebalanceId()).isEqualTo(second);
        assertThat(r.orders()).extracting(OrderRequest::clientOrderId).containsExactly("rb-" + second + "-1");
    }

    @Test
    void aMalformedRequestIdIsA400NamingIt() {
        Harness h = Scenarios.hot();
        Map<String, Object> p = Map.of(RiskPlugin.DRY_RUN, true, RiskPlugin.REQUEST_ID, "no spaces please");
        Throwable e = Fixtures.failure(h.plugin.autoRebalance(Fixtures.request(p)));
        assertThat(e).isInstanceOf(IntelException.class);
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(((IntelException) e).details()).containsEntry("parameter", "request_id");
        assertThat(e.getMessage()).startsWith("parameter [request_id] must be 1 to 28 letters");
    }

    @Test
    void aRealExchangeNeedsLiveTradingForALiveRunButNotForADryRun() {
        Harness h = Scenarios.hot();
        h.exchange.paper = false;
        Throwable e = Fixtures.failure(h.plugin.autoRebalance(Fixtures.request(Map.of(RiskPlugin.DRY_RUN, false))));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(e.getMessage()).contains("trading.live");
        assertThat(h.exchange.placed).isEmpty();
        assertThat(h.exchange.leverageCalls).isEmpty();

        assertThat(h.rebalance(true, "d").orders()).hasSize(1);
        h.ctx.liveTrading(true);
        RebalanceResult r = h.rebalance(false, "l");
        assertThat(r.paper()).isFalse();
        assertThat(h.exchange.placed).hasSize(1);
    }

    @Test
    void liveRebalancesNeverOverlap() {
        Harness h = Scenarios.hot();
        h.exchange.stall = true;
        io.vertx.core.Future<RebalanceResult> first = h.plugin.autoRebalance(Fixtures.request(Map.of(
                RiskPlugin.DRY_RUN, false, RiskPlugin.REQUEST_ID, "slow")));
        assertThat(first.isComplete()).isFalse();
        Throwable e = Fixtures.failure(h.plugin.autoRebalance(Fixtures.request(Map.of(RiskPlugin.DRY_RUN, false,
                RiskPlugin.REQUEST_ID, "other"))));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).startsWith("rebalance [slow] is still sending orders");
        // a dry run may look meanwhile
        assertThat(h.rebalance(true, "peek").orders()).hasSize(1);
        h.exchange.release();
        assertThat(Fixtures.done(first).actions().get(0).status()).isEqualTo(OutcomeStatus.EXECUTED);
        // and the next live run goes ahead
        assertThat(h.rebalance(false, "after").dryRun()).isFalse();
    }

    @Test
    void anEmptyPortfolioRebalancesNothing() {
        RebalanceResult r = new Harness().rebalance(false, "empty");
        assertThat(r.rebalanceRequired()).isFalse();
        assertThat(r.portfolioHeatScore()).isZero();
        assertThat(r.actions()).isEmpty();
        assertThat(r.orders()).isEmpty();
        assertThat(r.summary()).isEqualTo(new RebalanceResult.Summary(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aLiveRunIsPublishedADryRunIsNot() {
        Harness h = Scenarios.hot();
        h.rebalance(true, "p1");
        assertThat(h.ctx.published()).extracting(FakePluginContext.Event::type).doesNotContain("rebalance");
        h.rebalance(false, "p2");
        assertThat(h.ctx.published()).extracting(FakePluginContext.Event::type).contains("rebalance");
    }

    @Test
    void positionsAreReadFreshOnEveryCall() {
        Harness h = Scenarios.hot();
        assertThat(LiquidationTest.find(h.heat(), BTC).positionAmt()).isEqualByComparingTo("0.2");
        h.rebalance(false, "fresh");
        assertThat(LiquidationTest.find(h.heat(), BTC).positionAmt()).isEqualByComparingTo("0.1");
    }

    @Test
    void aCloseLargerThanTheMarketMaximumIsSplit() {
        // BTC market max 120: closing 250 BTC takes 120 + 120 + 10
        Harness h = new Harness().configure(Map.of(RiskSettings.MAX_POSITION_RISK, 1.0,
                RiskSettings.CLOSE_POSITION_RISK, 1.0));
        h.exchange.account = Fixtures.account(100_000_000, 0);
        h.exchange.hold(Fixtures.position(BTC, "250", 50_000, 50_000, 20));
        RebalanceResult r = h.rebalance(true, "big");
        assertThat(r.orders()).extracting(OrderRequest::quantity, OrderRequest::clientOrderId)
                .containsExactly(tuple(new BigDecimal("120"), "rb-big-1"), tuple(new BigDecimal("120"), "rb-big-2"),
                        tuple(new BigDecimal("10"), "rb-big-3"));
    }
}
