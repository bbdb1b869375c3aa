package io.marketintel.plugin.meta.internal;

import static io.marketintel.plugin.meta.internal.Fixtures.BTC;
import static io.marketintel.plugin.meta.internal.Fixtures.H1;
import static io.marketintel.plugin.meta.internal.Fixtures.T0;
import static io.marketintel.plugin.meta.internal.Fixtures.await;
import static io.marketintel.plugin.meta.internal.Fixtures.complete;
import static io.marketintel.plugin.meta.internal.Fixtures.failure;
import static io.marketintel.plugin.meta.internal.Fixtures.funding;
import static io.marketintel.plugin.meta.internal.Fixtures.hour;
import static io.marketintel.plugin.meta.internal.Fixtures.liquidations;
import static io.marketintel.plugin.meta.internal.Fixtures.mtf;
import static io.marketintel.plugin.meta.internal.Fixtures.orderbook;
import static io.marketintel.plugin.meta.internal.Fixtures.quiet;
import static io.marketintel.plugin.meta.internal.Fixtures.vp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.market.Kline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selector end to end inside its module: recommendations stored in H2 before they are answered, outcomes
 * idempotent with 409 on conflict, automatic labelling under a fake clock checked against a hand computation, the
 * learner reading what was stored, persistence across a restart on the same H2 file.
 */
class MetaPluginTest {

    @TempDir
    Path dir;
    private Vertx vertx;
    private MetaHarness h;

    /** A mild uptrend at price 100 (order book mid), 1h ATR 1 %: LONG, prior arm static.dynamic.adaptive.limit. */
    static JsonObject mildUptrend() {
        return quiet(mtf(55, "BULLISH", 50, 20.0, 20.0, 1.0), vp("INSIDE_VALUE_AREA", 100.2, 100.0));
    }

    /**
     * The 24 hourly candles of the horizon of a recommendation made during {@code [T0, T0 + 1h)}: they open at
     * T0 + 1h … T0 + 24h. Candle 5 reaches 101.6 (target 1 of ADAPTIVE: 101.5), candle 6 reaches 103.1 (target 2:
     * 103) and closes 102.8; the rest trade 102.4 – 102.9 and close 102.6.
     */
    static List<Kline> horizon() {
        long start = T0 + H1;
        List<Kline> k = new ArrayList<>();
        k.add(hour(start, 0, 100, 100.4, 99.9, 100.2));
        for (int i = 1; i < 4; i++) {
            k.add(hour(start, i, 100.2, 100.4, 100.0, 100.2));
        }
        k.add(hour(start, 4, 100.2, 101.6, 100.1, 101.4));
        k.add(hour(start, 5, 101.4, 103.1, 101.3, 102.8));
        for (int i = 6; i < 24; i++) {
            k.add(hour(start, i, 102.8, 102.9, 102.4, 102.6));
        }
        return k;
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        h = MetaHarness.start(vertx, dir.resolve("data"), T0 + 30 * 60_000L, Map.of());
    }

    @AfterEach
    void stop() {
        try {
            if (h != null) {
                h.close();
            }
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void theSpecificationsStrongUptrendExample() {
        JsonObject data = complete(funding("BULLISH", 0.06, "LONG"), orderbook(23.5, 64, "LONG"),
                liquidations(30, "NEUTRAL"), mtf(78, "BULLISH", 75, 30.0, 32.0, 0.85),
                vp("ABOVE_VALUE_AREA", 103, 100));
        Recommendation r = h.recommend(data);
        assertThat(r.marketCondition()).isEqualTo("strong_uptrend");
        assertThat(r.direction()).isEqualTo("LONG");
        RecommendedStrategy s = r.recommendedStrategy();
        assertThat(List.of(s.executionMode(), s.trailingStopMode(), s.tpLadderStrategy(), s.orderRouting()))
                .containsExactly("pyramid", "smart", "AGGRESSIVE", "ICEBERG");
        assertThat(s.confidence()).isEqualTo(85);
        assertThat(s.reasoning()).startsWith("Market: strong_uptrend",
                "Execution: Strong trend with high confluence - pyramid into position",
                "Trailing: Strong trend - smart trailing to maximize profit",
                "TP: Strong trend - wider TP targets",
                "Routing: Pyramid mode - hide full order size");
        // 85 + 3 (funding LONG) + 3 (order book LONG) + 0 (liquidations NEUTRAL) + 3 (volume profile LONG)
        assertThat(r.overallConfidence()).isEqualTo(94);
        assertThat(r.keyFactors()).contains("High MTF confluence (78/100)", "Price ABOVE_VALUE_AREA");
        assertThat(r.learning().overridden()).isFalse();
        assertThat(r.learning().arms()).hasSize(Arm.ALL.size());
        assertThat(r.priceAtRecommendation()).isEqualTo(100.0);
        assertThat(r.priceSource()).isEqualTo("orderbook.current_price");
        assertThat(r.unitPct()).isEqualTo(0.85);
        assertThat(r.marketData()).isEqualTo("request");
        assertThat(r.errors()).isEmpty();
        assertThat(r.labelDueAt()).isEqualTo(T0 + 25 * H1);
        assertThat(r.portfolio().source()).isEqualTo("request");
        assertThat(h.ctx.published()).anySatisfy(e -> assertThat(e.type()).isEqualTo("recommendation"));
    }

    @Test
    void theRecommendationIsStoredBeforeItIsAnswered() {
        Recommendation r = h.recommend(mildUptrend());
        StoredRecommendation stored = h.find(r.recommendationId());
        assertThat(stored.marketCondition()).isEqualTo("mild_uptrend");
        assertThat(stored.direction()).isEqualTo("LONG");
        assertThat(stored.arm()).isEqualTo("static.dynamic.adaptive.limit");
        assertThat(stored.priorArm()).isEqualTo(stored.arm());
        assertThat(stored.price()).isEqualTo(100.0);
        assertThat(stored.labelStatus()).isEqualTo("PENDING");
        assertThat(stored.labelDueAt()).isEqualTo(T0 + 25 * H1);
        assertThat(stored.outcome()).isNull();
        assertThat(stored.armReturns()).isEmpty();
    }

    @Test
    void unknownRecommendationIsA404() {
        Throwable e = failure(h.plugin.recommendation(new OperationRequest("rec-nope", io.marketintel.api.Params.empty())));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        Throwable p = failure(h.plugin.outcomes(new OperationRequest(null, MetaHarness.outcome("rec-nope",
                Map.of(MetaPlugin.REALIZED_RETURN_PCT, 1.0)))));
        assertThat(((IntelException) p).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(p).hasMessage("recommendation [rec-nope] is not known");
    }

    @Test
    void outcomesAreIdempotentAndAConflictIsA409NamingTheId() {
        String id = h.recommend(mildUptrend()).recommendationId();
        OutcomeAnswer first = h.post(id, Map.of(MetaPlugin.REALIZED_RETURN_PCT, 1.5, MetaPlugin.HOLDING_MINUTES, 240L));
        assertThat(first.status()).isEqualTo("RECORDED");
        assertThat(first.learned()).isTrue();
        assertThat(first.arm()).isEqualTo("static.dynamic.adaptive.limit");
        assertThat(first.outcome().source()).isEqualTo("POSTED");
        assertThat(first.outcome().realizedReturnPct()).isEqualTo(1.5);

        OutcomeAnswer again = h.post(id, Map.of(MetaPlugin.REALIZED_RETURN_PCT, 1.5, MetaPlugin.HOLDING_MINUTES, 240L));
        assertThat(again.status()).isEqualTo("DUPLICATE");
        assertThat(again.outcome()).isEqualTo(first.outcome());
        // Counted once.
        BestStrategies best = h.best("mild_uptrend", 6);
        assertThat(best.outcomes()).isEqualTo(1);
        assertThat(best.strategies()).filteredOn(a -> a.arm().equals("static.dynamic.adaptive.limit"))
                .singleElement().satisfies(a -> assertThat(a.samples()).isEqualTo(1));

        Throwable conflict = failure(h.plugin.outcomes(new OperationRequest(null, MetaHarness.outcome(id,
                Map.of(MetaPlugin.REALIZED_RETURN_PCT, 2.5)))));
        assertThat(conflict).isInstanceOf(IntelException.class);
        assertThat(((IntelException) conflict).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(conflict.getMessage()).contains("[" + id + "]").contains("1.5").contains("2.5");
        assertThat(((IntelException) conflict).details()).containsEntry("recommendation_id", id);
        assertThat(h.find(id).outcome().realizedReturnPct()).isEqualTo(1.5);
    }

    @Test
    void pnlWithNotionalGivesTheReturn() {
        String id = h.recommend(mildUptrend()).recommendationId();
        OutcomeAnswer a = h.post(id, Map.of(MetaPlugin.PNL, -12.5, MetaPlugin.NOTIONAL, 500.0));
        assertThat(a.outcome().realizedReturnPct()).isEqualTo(-2.5);
        assertThat(a.outcome().pnl()).isEqualTo(-12.5);
        assertThat(a.outcome().notional()).isEqualTo(500.0);
    }

    @Test
    void outcomeParametersAreCheckedByName() {
        String id = h.recommend(mildUptrend()).recommendationId();
        record Case(Map<String, Object> values, String parameter) {
        }
        for (Case c : List.of(
                new Case(Map.of(), MetaPlugin.REALIZED_RETURN_PCT),
                new Case(Map.of(MetaPlugin.REALIZED_RETURN_PCT, 1.0, MetaPlugin.PNL, 5.0), MetaPlugin.REALIZED_RETURN_PCT),
                new Case(Map.of(MetaPlugin.PNL, 5.0), MetaPlugin.NOTIONAL),
                new Case(Map.of(MetaPlugin.NOTIONAL, 5.0), MetaPlugin.PNL),
                new Case(Map.of(MetaPlugin.PNL, 5.0, MetaPlugin.NOTIONAL, 0.0), MetaPlugin.NOTIONAL))) {
            Throwable e = failure(h.plugin.outcomes(new OperationRequest(null, MetaHarness.outcome(id, c.values()))));
            assertThat(((IntelException) e).code()).as("%s", c).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(((IntelException) e).details()).as("%s", c).containsEntry("parameter", c.parameter());
        }
        Throwable bad = failure(h.plugin.outcomes(new OperationRequest(null, MetaHarness.outcome("a b",
                Map.of(MetaPlugin.REALIZED_RETURN_PCT, 1.0)))));
        assertThat(((IntelException) bad).details()).containsEntry("parameter", MetaPlugin.RECOMMENDATION_ID);
    }

    /**
     * Recommendation at T0 + 30 min, horizon 24 h of 1h candles: they open at T0 + 1h … T0 + 24h, due at T0 + 25h.
     * Arm static.dynamic.adaptive.limit, LONG from 100, unit 1 % (A = 1): targets 101.5 / 103 / 105 (25 / 35 / 40 %),
     * stop 2 behind the best close. Candle 5 reaches 101.5 (0.25 out), candle 6 reaches 103 (0.35 out) and closes
     * 102.8 (stop 100.8, never reached); 0.40 closes at the last close 102.6.
     * P&L 0.25·1.5 + 0.35·3 + 0.40·2.6 = 2.465; costs 0.02 % of 100 + 0.25·101.5 + 0.35·103 + 0.40·102.6 = 0.040493;
     * return 2.424507 %. Direction alone: 2.6 %.
     */
    @Test
    void automaticLabellingAfterTheHorizonByTheFakeClock() {
        h.ctx.market().klines(Fixtures.BTC, horizon());
        Recommendation r = h.recommend(mildUptrend());

        h.ctx.clock().set(T0 + 25 * H1 - 1);
        LabelPass early = h.label();
        assertThat(early.due()).isZero();
        assertThat(h.find(r.recommendationId()).labelStatus()).isEqualTo("PENDING");

        h.ctx.clock().set(T0 + 25 * H1);
        LabelPass pass = h.label();
        assertThat(pass.due()).isEqualTo(1);
        assertThat(pass.labelled()).isEqualTo(1);
        assertThat(h.ctx.market().requests()).contains("klines BTCUSDT H1 " + (T0 + H1) + " " + (T0 + 25 * H1 - 1) + " 24");

        StoredRecommendation s = h.find(r.recommendationId());
        assertThat(s.labelStatus()).isEqualTo("LABELLED");
        OutcomeView o = s.outcome();
        assertThat(o.source()).isEqualTo("AUTO");
        assertThat(o.realizedReturnPct()).isCloseTo(2.424507, within(1e-6));
        assertThat(o.holdReturnPct()).isCloseTo(2.6, within(1e-6));
        assertThat(o.exitReason()).isEqualTo("HORIZON");
        assertThat(o.bars()).isEqualTo(24);
        assertThat(o.recordedAt()).isEqualTo(T0 + 25 * H1);
        assertThat(s.armReturns()).hasSize(Arm.ALL.size()).allSatisfy(a -> assertThat(a.source()).isEqualTo("AUTO"));
        assertThat(s.armReturns()).filteredOn(a -> a.arm().equals(s.arm())).singleElement()
                .satisfies(a -> assertThat(a.returnPct()).isCloseTo(2.424507, within(1e-6)));

        // Labelled once: a second pass finds nothing due.
        assertThat(h.label().due()).isZero();
        // The learner sees every arm's outcome at once (the stats cache was invalidated by the label).
        Recommendation next = h.recommend(mildUptrend());
        assertThat(next.learning().outcomes()).isEqualTo(1);
        assertThat(next.learning().arms()).allSatisfy(a -> assertThat(a.samples()).isEqualTo(1));
        assertThat(next.learning().arms()).allSatisfy(a -> assertThat(a.pairedSamples())
                .isEqualTo(a.prior() ? 0 : 1));
    }

    @Test
    void missingCandlesWaitThenTheLabelUsesWhatCame() {
        h.ctx.market().klines(Fixtures.BTC, horizon().subList(0, 20));
        String id = h.recommend(mildUptrend()).recommendationId();
        h.ctx.clock().set(T0 + 25 * H1);
        LabelPass waiting = h.label();
        assertThat(waiting.waiting()).isEqualTo(1);
        assertThat(h.find(id).labelStatus()).isEqualTo("PENDING");
        // label_give_up_hours (72) after the due time: labelled on the 20 candles there are.
        h.ctx.clock().set(T0 + 25 * H1 + Duration.ofHours(72).toMillis() + 1);
        assertThat(h.label().labelled()).isEqualTo(1);
        StoredRecommendation s = h.find(id);
        assertThat(s.outcome().bars()).isEqualTo(20);
        assertThat(s.labelNote()).isEqualTo("labelled on 20 of 24 candles (the others never arrived)");
    }

    @Test
    void noCandlesAtAllIsSkippedAfterGivingUp() {
        String id = h.recommend(mildUptrend()).recommendationId();
        h.ctx.clock().set(T0 + 25 * H1 + Duration.ofHours(73).toMillis());
        LabelPass pass = h.label();
        assertThat(pass.skipped()).isEqualTo(1);
        assertThat(h.find(id).labelStatus()).isEqualTo("SKIPPED");
        assertThat(h.find(id).outcome()).isNull();
    }

    @Test
    void aMarketFailureLeavesTheRecommendationPending() {
        h.ctx.market().fail("klines", new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "market down"));
        String id = h.recommend(mildUptrend()).recommendationId();
        h.ctx.clock().set(T0 + 26 * H1);
        LabelPass pass = h.label();
        assertThat(pass.failed()).isEqualTo(1);
        assertThat(pass.notes()).singleElement().asString().contains("market down");
        assertThat(h.find(id).labelStatus()).isEqualTo("PENDING");
        h.ctx.market().clearFailures();
        h.ctx.market().klines(Fixtures.BTC, horizon());
        assertThat(h.label().labelled()).isEqualTo(1);
    }

    @Test
    void aNeutralRecommendationIsLabelledFlatAndTeachesNothing() {
        Recommendation r = h.recommend(quiet(mtf(10, "NEUTRAL", 0, 15.0, 15.0, 1.0), vp("INSIDE_VALUE_AREA", 100, 100)));
        assertThat(r.marketCondition()).isEqualTo("ranging");
        assertThat(r.direction()).isEqualTo("NEUTRAL");
        assertThat(r.overallConfidence()).isLessThanOrEqualTo(MetaPlugin.NO_DIRECTION_CAP);
        h.ctx.clock().set(T0 + 25 * H1);
        LabelPass pass = h.label();
        assertThat(pass.noTrade()).isEqualTo(1);
        StoredRecommendation s = h.find(r.recommendationId());
        assertThat(s.outcome().traded()).isFalse();
        assertThat(s.outcome().realizedReturnPct()).isZero();
        assertThat(s.outcome().exitReason()).isEqualTo("NO_DIRECTION");
        assertThat(s.armReturns()).isEmpty();
        assertThat(h.best("ranging", 3).outcomes()).isZero();
    }

    @Test
    void aPostedOutcomeBeatsTheSimulationOfTheRecommendedArm() {
        h.ctx.market().klines(Fixtures.BTC, horizon());
        String before = h.recommend(mildUptrend()).recommendationId();
        String after = h.recommend(mildUptrend()).recommendationId();
        assertThat(h.post(before, Map.of(MetaPlugin.REALIZED_RETURN_PCT, -0.7)).status()).isEqualTo("RECORDED");
        h.ctx.clock().set(T0 + 25 * H1);
        assertThat(h.label().labelled()).isEqualTo(2);
        StoredRecommendation b = h.find(before);
        assertThat(b.outcome().source()).isEqualTo("POSTED");
        assertThat(b.outcome().realizedReturnPct()).isEqualTo(-0.7);
        assertThat(b.armReturns()).hasSize(Arm.ALL.size());
        assertThat(b.armReturns()).filteredOn(a -> a.source().equals("POSTED")).singleElement()
                .satisfies(a -> {
                    assertThat(a.arm()).isEqualTo(b.arm());
                    assertThat(a.returnPct()).isEqualTo(-0.7);
                });
        // Posted after the label: replaces it.
        OutcomeAnswer replaced = h.post(after, Map.of(MetaPlugin.REALIZED_RETURN_PCT, 3.1));
        assertThat(replaced.status()).isEqualTo("REPLACED_AUTOMATIC");
        StoredRecommendation a = h.find(after);
        assertThat(a.outcome().source()).isEqualTo("POSTED");
        assertThat(a.armReturns()).filteredOn(x -> x.arm().equals(a.arm())).singleElement()
                .satisfies(x -> assertThat(x.returnPct()).isEqualTo(3.1));
    }

    @Test
    void survivesARestartOnTheSameH2File() {
        h.ctx.market().klines(Fixtures.BTC, horizon());
        String id = h.recommend(mildUptrend()).recommendationId();
        h.ctx.clock().set(T0 + 25 * H1);
        h.label();
        BestStrategies before = h.best("mild_uptrend", 3);
        h.close();
        h = null;

        h = MetaHarness.start(vertx, dir.resolve("data"), T0 + 26 * H1, Map.of());
        BestStrategies after = h.best("mild_uptrend", 3);
        assertThat(after).isEqualTo(before);
        assertThat(after.outcomes()).isEqualTo(1);
        assertThat(after.strategies()).hasSize(3).allSatisfy(a -> assertThat(a.samples()).isEqualTo(1));
        assertThat(h.find(id).outcome().realizedReturnPct()).isCloseTo(2.424507, within(1e-6));
    }

    @Test
    void atStartThePluginCatchesUpOnWhatFellDueMeanwhile() throws Exception {
        h.ctx.market().klines(Fixtures.BTC, horizon());
        String id = h.recommend(mildUptrend()).recommendationId();
        h.close();
        h = null;
        // Restarted two days later (by its clock): the start pass labels it without being asked.
        h = MetaHarness.start(vertx, dir.resolve("data"), T0 + 48 * H1, Map.of(),
                market -> market.klines(Fixtures.BTC, horizon()));
        waitFor(() -> "LABELLED".equals(h.find(id).labelStatus()));
        assertThat(h.find(id).outcome().realizedReturnPct()).isCloseTo(2.424507, within(1e-6));
    }

    @Test
    void theTimerLabelsWhenTheClockHasMoved() throws Exception {
        h.close();
        h = MetaHarness.start(vertx, dir.resolve("data"), T0 + 30 * 60_000L, Map.of(
                MetaSettings.LABELLING_PERIOD_SECONDS, 1L));
        h.ctx.market().klines(Fixtures.BTC, horizon());
        String id = h.recommend(mildUptrend()).recommendationId();
        h.ctx.clock().set(T0 + 25 * H1); // a replay clock jumping ahead
        waitFor(() -> "LABELLED".equals(h.find(id).labelStatus()));
        assertThat(h.ctx.published()).anySatisfy(e -> assertThat(e.type()).isEqualTo("labelled"));
    }

    @Test
    void bestStrategiesRankByPosteriorMean() {
        h.ctx.market().klines(Fixtures.BTC, horizon());
        for (int i = 0; i < 3; i++) {
            h.recommend(mildUptrend());
        }
        h.ctx.clock().set(T0 + 25 * H1);
        assertThat(h.label().labelled()).isEqualTo(3);
        BestStrategies best = h.best("mild_uptrend", 2);
        assertThat(best.condition()).isEqualTo("mild_uptrend");
        assertThat(best.topN()).isEqualTo(2);
        assertThat(best.outcomes()).isEqualTo(3);
        assertThat(best.priorArm()).isEqualTo("static.dynamic.adaptive.limit");
        assertThat(best.strategies()).hasSize(2);
        assertThat(best.strategies().get(0).rank()).isEqualTo(1);
        assertThat(best.strategies().get(0).posteriorMeanReturnPct())
                .isGreaterThanOrEqualTo(best.strategies().get(1).posteriorMeanReturnPct());
        assertThat(best.strategies()).allSatisfy(a -> {
            assertThat(a.samples()).isEqualTo(3);
            assertThat(a.credibleInterval95()).hasSize(2);
            assertThat(a.credibleInterval95().get(0)).isLessThan(a.posteriorMeanReturnPct());
            assertThat(a.credibleInterval95().get(1)).isGreaterThan(a.posteriorMeanReturnPct());
        });
        // Other conditions have nothing yet.
        assertThat(h.best("strong_downtrend", 3).outcomes()).isZero();
    }

    @Test
    void withoutPortfolioStateTheRiskPluginIsAskedBriefly() {
        List<Long> deadlines = new ArrayList<>();
        h.ctx.answerCalls(call -> {
            if (call.pluginId().equals("risk")) {
                deadlines.add(call.timeout().toMillis());
                return Future.succeededFuture(new JsonObject().put("data", new JsonObject()
                        .put("portfolio_heat_score", 82).put("risk_level", "HIGH")));
            }
            return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "nobody serves " + call.pluginId()));
        });
        Recommendation r = await(h.plugin.analyzeAndRecommend(new OperationRequest(null,
                MetaHarness.request(mildUptrend(), null))));
        assertThat(deadlines).containsExactly(1_000L);
        assertThat(r.portfolio().source()).isEqualTo("risk");
        assertThat(r.portfolio().portfolioHeatScore()).isEqualTo(82.0);
        assertThat(r.keyFactors()).contains("Portfolio heat 82/100 above 70: reduce size");
        // 70 (mild) − 15 (heat); every other analysis NEUTRAL
        assertThat(r.overallConfidence()).isEqualTo(55);
    }

    @Test
    void whenTheRiskPluginIsUnavailableItProceedsAndSaysSo() {
        h.ctx.answerCalls(call -> Future.failedFuture(new IntelException(
                ErrorCode.PLUGIN_DISABLED, "plugin [" + call.pluginId() + "] is disabled")));
        Recommendation r = await(h.plugin.analyzeAndRecommend(new OperationRequest(null,
                MetaHarness.request(mildUptrend(), null))));
        assertThat(r.portfolio().source()).isEqualTo("unavailable");
        assertThat(r.portfolio().note()).isEqualTo("risk.portfolio-heat unavailable (PLUGIN_DISABLED: plugin [risk] is"
                + " disabled): recommendation made without portfolio state");
        assertThat(r.overallConfidence()).isEqualTo(70);
    }

    @Test
    void withoutMarketDataOneCompleteAnalysisIsFetched() {
        JsonObject data = mildUptrend();
        data.put("orderbook", null);
        data.put("errors", new JsonObject().put("orderbook", new JsonObject().put("code", "TIMEOUT")
                .put("message", "operation [orderbook.analysis] did not answer in time").put("status", 504)));
        List<String> asked = new ArrayList<>();
        h.ctx.answerCalls(call -> {
            asked.add(Fixtures.line(call));
            return call.pluginId().equals(CompleteAnalysisPlugin.ID)
                    ? Future.succeededFuture(new JsonObject().put("data", data))
                    : Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "nobody serves " + call.pluginId()));
        });
        Recommendation r = await(h.plugin.analyzeAndRecommend(new OperationRequest(null,
                MetaHarness.request(null, new JsonObject()))));
        assertThat(asked).containsExactly("complete-analysis.complete BTCUSDT {sections=[funding_sentiment, orderbook,"
                + " liquidations, mtf_confluence, volume_profile]} 10000");
        assertThat(r.marketData()).isEqualTo("complete-analysis");
        assertThat(r.errors()).containsOnlyKeys("orderbook");
        assertThat(r.errors().get("orderbook").code()).isEqualTo("TIMEOUT");
        assertThat(r.errors().get("orderbook").status()).isEqualTo(504);
        assertThat(r.sectionsUsed()).containsExactly("funding_sentiment", "liquidations", "mtf_confluence",
                "volume_profile");
        // 70 − 5 for the missing order book; the price now comes from funding's mark price
        assertThat(r.overallConfidence()).isEqualTo(65);
        assertThat(r.priceSource()).isEqualTo("funding_sentiment.mark_price");
    }

    @Test
    void aDisabledCompleteAnalysisFailsWithItsCodeAndSaysWhatToDo() {
        h.ctx.answerCalls(call -> Future.failedFuture(new IntelException(
                ErrorCode.PLUGIN_DISABLED, "plugin [" + call.pluginId() + "] is disabled")));
        Throwable e = failure(h.plugin.analyzeAndRecommend(new OperationRequest(null,
                MetaHarness.request(null, new JsonObject()))));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.PLUGIN_DISABLED);
        assertThat(e).hasMessage("the complete analysis of [BTCUSDT] is unavailable (plugin [complete-analysis] is"
                + " disabled); enable plugin [complete-analysis] or pass market_data");
    }

    @Test
    void marketDataWithoutMtfOrVolumeProfileCannotBeClassified() {
        Throwable e = failure(h.plugin.analyzeAndRecommend(new OperationRequest(null, MetaHarness.request(
                complete(funding("BULLISH", 0.05, "LONG"), null, null, null, null), new JsonObject()))));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("mtf_confluence: NOT_FOUND market_data has no [mtf_confluence] section");
    }

    @Test
    void marketDataForAnotherSymbolIsA400() {
        JsonObject data = mildUptrend().put("symbol", "ETHUSDT");
        Throwable e = failure(h.plugin.analyzeAndRecommend(new OperationRequest(null,
                MetaHarness.request(data, new JsonObject()))));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e).hasMessage("field [market_data.symbol] is [ETHUSDT] but the recommendation is for [BTCUSDT]");
    }

    @Test
    void theWholeCompleteAnalysisAnswerIsAcceptedAsMarketData() {
        Recommendation r = h.recommend(new JsonObject().put("data", mildUptrend()));
        assertThat(r.marketCondition()).isEqualTo("mild_uptrend");
        assertThat(r.errors()).isEmpty();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(50);
        }
    }

    static String symbol() {
        return BTC;
    }
}
