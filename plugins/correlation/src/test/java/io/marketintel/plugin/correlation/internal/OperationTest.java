package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.BNB;
import static io.marketintel.plugin.correlation.internal.Fixtures.BTC;
import static io.marketintel.plugin.correlation.internal.Fixtures.DAY;
import static io.marketintel.plugin.correlation.internal.Fixtures.ETH;
import static io.marketintel.plugin.correlation.internal.Fixtures.HOUR;
import static io.marketintel.plugin.correlation.internal.Fixtures.SOL;
import static io.marketintel.plugin.correlation.internal.Fixtures.T0;
import static io.marketintel.plugin.correlation.internal.Fixtures.done;
import static io.marketintel.plugin.correlation.internal.Fixtures.failure;
import static io.marketintel.plugin.correlation.internal.Fixtures.prices;
import static io.marketintel.plugin.correlation.internal.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operations as the runtime invokes them: validation, requests made, cache, events, config, failures. */
class OperationTest {

    /** Daily candles from T0; "now" is five hours into day 200, whose candle is forming. */
    private static final int DAYS = 201;
    private static final long NOW = T0 + 200 * DAY + 5 * HOUR;

    private CorrelationPlugin plugin;
    private FakePluginContext ctx;

    /** Correlated daily returns: a common factor plus a symbol's own wiggle. */
    static List<Kline> daily(double p0, double beta, double own, double phase, int days, Interval interval) {
        double[] r = new double[days - 1];
        for (int i = 0; i < r.length; i++) {
            double market = 0.02 * Math.sin(i * 0.37) + 0.01 * Math.cos(i * 1.7);
            r[i] = beta * market + own * Math.sin(i * 2.3 + phase);
        }
        return series(T0, interval, prices(p0, r));
    }

    static FakeMarketData market() {
        return market(new FakeMarketData());
    }

    static <M extends FakeMarketData> M market(M m) {
        m.klines(BTC, daily(60_000, 1.0, 0.005, 0, DAYS, Interval.D1));
        m.klines(ETH, daily(3_000, 1.2, 0.007, 1, DAYS, Interval.D1));
        m.klines(BNB, daily(500, 0.8, 0.01, 2, DAYS, Interval.D1));
        m.klines(SOL, daily(150, -0.5, 0.03, 3, DAYS, Interval.D1));
        return m;
    }

    @BeforeEach
    void start() {
        startOn(market());
    }

    private void startOn(FakeMarketData market) {
        plugin = new CorrelationPlugin();
        ctx = Fixtures.context(plugin.descriptor(), market);
        ctx.clock().advance(Duration.ofMillis(NOW - T0));
        done(plugin.start(ctx));
    }

    private Operation op(String name) {
        return plugin.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private Future<?> matrix(Map<String, ?> params) {
        return op("matrix").handler().handle(new OperationRequest(null, Params.of(params)));
    }

    private Future<?> hedge(String symbol, Map<String, ?> params) {
        return op("hedge").handler().handle(new OperationRequest(symbol, Params.of(params)));
    }

    private Future<?> pairs(Map<String, ?> params) {
        return op("pairs-signal").handler().handle(new OperationRequest(null, Params.of(params)));
    }

    private static IntelException intel(Throwable t) {
        assertThat(t).isInstanceOf(IntelException.class);
        return (IntelException) t;
    }

    // ---------------------------------------------------------------- requests

    @Test
    void matrixAsksEverySymbolForTheSameWindowOfClosedCandles() {
        MatrixResult r = (MatrixResult) done(matrix(Map.of("symbols", List.of(BTC, ETH, BNB))));
        long formingDay = T0 + 200 * DAY;
        String window = " D1 " + (formingDay - 100 * DAY) + " " + (formingDay - 1) + " 100";
        assertThat(ctx.market().requests()).containsExactly("klines BTCUSDT" + window, "klines ETHUSDT" + window,
                "klines BNBUSDT" + window);
        assertThat(r.period()).isEqualTo("1d");
        assertThat(r.lookback()).isEqualTo(100);
        assertThat(r.observations()).isEqualTo(99);
        assertThat(r.timeRange().from()).isEqualTo(formingDay - 100 * DAY);
        assertThat(r.dataTime()).isEqualTo(formingDay - 1);
        assertThat(r.source()).isEqualTo("fake");
        assertThat(r.matrix()).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(3));
        assertThat(r.matrix().get(0).get(1)).isGreaterThan(0.9);
        assertThat(r.hedgingOpportunities()).isNotEmpty();
    }

    @Test
    void periodAndLookbackFromTheRequestOrTheConfiguration() {
        ctx.market().klines(BTC, daily(60_000, 1.0, 0.005, 0, 2000, Interval.H4));
        ctx.market().klines(ETH, daily(3_000, 1.2, 0.007, 1, 2000, Interval.H4));
        MatrixResult r = (MatrixResult) done(matrix(Map.of("symbols", List.of(BTC, ETH), "period", "4h",
                "lookback", 50L)));
        assertThat(r.period()).isEqualTo("4h");
        assertThat(r.observations()).isEqualTo(49);
        assertThat(ctx.market().requests()).allMatch(q -> q.contains(" H4 ") && q.endsWith(" 50"));

        ctx.market().requests().clear();
        ctx.configure(Map.of("default_period", "4h", "lookback", 60L));
        r = (MatrixResult) done(matrix(Map.of("symbols", List.of(BTC, ETH))));
        assertThat(r.period()).isEqualTo("4h");
        assertThat(r.lookback()).isEqualTo(60);
        assertThat(ctx.market().requests()).allMatch(q -> q.contains(" H4 ") && q.endsWith(" 60"));
    }

    @Test
    void formingCandlesAreNeverUsedEvenWhenTheMarketSendsThem() {
        startOn(market(new FakeMarketData() {          // answers all 201 candles, the forming one included
            @Override
            public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime,
                                              int limit) {
                return answer("klines " + symbol + " " + interval + " " + startTime + " " + endTime + " " + limit,
                        () -> scriptedKlines(symbol, interval));
            }
        }));
        MatrixResult r = (MatrixResult) done(matrix(Map.of("symbols", List.of(BTC, ETH))));
        assertThat(r.coverage()).extracting(SymbolCoverage::bars).containsExactly(200, 200);
        assertThat(r.observations()).isEqualTo(199);
        assertThat(r.dataTime()).isLessThan(NOW);
    }

    @Test
    void requestsAreBoundedToTheConfiguredConcurrency() {
        ctx.configure(Map.of("max_concurrent_requests", 2L));
        ctx.market().hold(true);
        Future<?> f = matrix(Map.of("symbols", List.of(BTC, ETH, BNB, SOL)));
        assertThat(ctx.market().held()).isEqualTo(2);
        assertThat(f.isComplete()).isFalse();
        while (ctx.market().held() > 0) {
            ctx.market().releaseNext();
            assertThat(ctx.market().held()).isLessThanOrEqualTo(2);
        }
        MatrixResult r = (MatrixResult) done(f);
        assertThat(ctx.market().maxHeld()).isEqualTo(2);
        assertThat(ctx.market().count("klines")).isEqualTo(4);
        assertThat(r.symbols()).containsExactly(BTC, ETH, BNB, SOL);       // answers kept in request order
        assertThat(r.coverage()).extracting(SymbolCoverage::symbol).containsExactly(BTC, ETH, BNB, SOL);
    }

    // ---------------------------------------------------------------- validation

    @Test
    void tooManySymbolsIsA400NamingSymbols() {
        ctx.configure(Map.of("max_symbols", 3L));
        IntelException e = intel(failure(matrix(Map.of("symbols", List.of(BTC, ETH, BNB, SOL)))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.code().httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("parameter [symbols] must have between [2, 3] items"
                + " (plugins.correlation.max_symbols), was 4 items");
        assertThat(e.details()).containsEntry("parameter", "symbols").containsEntry("max_symbols", 3);
        assertThat(ctx.market().requests()).isEmpty();
        assertThat(done(matrix(Map.of("symbols", List.of(BTC, ETH, BNB))))).isNotNull();   // exactly at the limit
    }

    @Test
    void aCandidateEqualToTheTargetIsA400NamingIt() {
        IntelException e = intel(failure(hedge(BTC, Map.of("candidates", List.of(ETH, BTC)))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("parameter [candidates] must not contain the target symbol [BTCUSDT]:"
                + " a position cannot hedge itself");
        assertThat(e.details()).containsEntry("parameter", "candidates").containsEntry("symbol", BTC);
        assertThat(ctx.market().requests()).isEmpty();
    }

    @Test
    void tooManyHedgeCandidatesIsA400NamingCandidates() {
        ctx.configure(Map.of("max_symbols", 3L));
        IntelException e = intel(failure(hedge(BTC, Map.of("candidates", List.of(ETH, BNB, SOL)))));
        assertThat(e.getMessage()).startsWith("parameter [candidates] must have between [1, 2] items");
    }

    @Test
    void theSamePairTwiceIsA400() {
        IntelException e = intel(failure(pairs(Map.of("pair1", BTC, "pair2", BTC))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("parameter [pair2] must differ from [pair1], both were [BTCUSDT]");
        assertThat(e.details()).containsEntry("parameter", "pair2");
    }

    @Test
    void aLookbackTooShortForMinObservationsIsA400NamingLookback() {
        IntelException e = intel(failure(matrix(Map.of("symbols", List.of(BTC, ETH), "lookback", 20L))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("parameter [lookback] must be at least 21"
                + " (plugins.correlation.min_observations 20 returns need one more candle), was 20");
        assertThat(done(matrix(Map.of("symbols", List.of(BTC, ETH), "lookback", 21L)))).isNotNull();
    }

    @Test
    void tooLittleCommonHistoryIsA400WithTheCounts() {
        ctx.market().klines("NEWUSDT", daily(1, 1, 0.01, 0, DAYS, Interval.D1).subList(190, DAYS));
        IntelException e = intel(failure(matrix(Map.of("symbols", List.of(BTC, "NEWUSDT")))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("parameter [symbols]: only 9 aligned returns over the last 100 closed 1d"
                + " candles (candles: BTCUSDT 100, NEWUSDT 10; 90 open times dropped as missing for a symbol); at least 20"
                + " are needed (plugins.correlation.min_observations)");
        assertThat(e.details()).containsEntry("observations", 9).containsEntry("dropped_timestamps", 90);

        IntelException p = intel(failure(pairs(Map.of("pair1", BTC, "pair2", "NEWUSDT"))));
        assertThat(p.details()).containsEntry("parameter", "pair2");            // the one with fewer candles
    }

    // ---------------------------------------------------------------- hedge and pairs-signal

    @Test
    void hedgeRanksTheCandidates() {
        HedgeResult r = (HedgeResult) done(hedge(BTC, Map.of("candidates", List.of(SOL, BNB, ETH), "period", "1d")));
        assertThat(r.recommendations()).extracting(HedgeCandidate::symbol).first().isEqualTo(ETH);
        assertThat(r.recommendations()).isSortedAccordingTo((a, b) -> Double.compare(b.effectiveness(), a.effectiveness()));
        assertThat(r.bestHedge().symbol()).isEqualTo(ETH);
        assertThat(r.bestHedge().hedgeRatio()).isBetween(0.6, 1.0);      // BTC moves ~1/1.2 of ETH
        assertThat(ctx.market().count("klines")).isEqualTo(4);             // target + 3 candidates, once each
        assertThat(ctx.published()).extracting(FakePluginContext.Event::type).containsExactly("hedge");
    }

    @Test
    void pairsSignalAnswers() {
        PairsSignalResult r = (PairsSignalResult) done(pairs(Map.of("pair1", BTC, "pair2", ETH)));
        assertThat(r.pair1()).isEqualTo(BTC);
        assertThat(r.pair2()).isEqualTo(ETH);
        assertThat(r.observations()).isEqualTo(99);
        assertThat(r.zscoreWindow()).isEqualTo(30);
        assertThat(r.correlation()).isGreaterThan(0.9);
        assertThat(r.signal()).isIn(PairSignal.NONE, PairSignal.MEAN_REVERSION);
        assertThat(ctx.published()).extracting(FakePluginContext.Event::type).containsExactly("pairs-signal");
    }

    // ---------------------------------------------------------------- cache and events

    @Test
    void resultIsCachedForTheTtlPublishedOnceAndRecomputedWhenACandleCloses() {
        Map<String, ?> params = Map.of("symbols", List.of(BTC, ETH));
        MatrixResult first = (MatrixResult) done(matrix(params));
        assertThat(done(matrix(params))).isSameAs(first);
        assertThat(ctx.market().count("klines")).isEqualTo(2);
        assertThat(ctx.published()).containsExactly(new FakePluginContext.Event("matrix", first));

        ctx.clock().advance(Duration.ofSeconds(299));
        assertThat(done(matrix(params))).isSameAs(first);
        ctx.clock().advance(Duration.ofSeconds(1));                          // 300 s: expired
        done(matrix(params));
        assertThat(ctx.market().count("klines")).isEqualTo(4);
        assertThat(ctx.published()).hasSize(2);

        // A new daily candle closes within the TTL: a new window, a new answer.
        ctx.clock().advance(Duration.ofMillis(T0 + 201 * DAY + 60_000 - ctx.clock().millis()));
        ctx.market().klines(BTC, daily(60_000, 1.0, 0.005, 0, DAYS + 1, Interval.D1));
        ctx.market().klines(ETH, daily(3_000, 1.2, 0.007, 1, DAYS + 1, Interval.D1));
        MatrixResult later = (MatrixResult) done(matrix(params));
        assertThat(later.dataTime()).isEqualTo(T0 + 201 * DAY - 1);
        assertThat(ctx.market().count("klines")).isEqualTo(6);
    }

    @Test
    void aChangedSettingIsNeverHiddenBehindTheCache() {
        Map<String, ?> params = Map.of("symbols", List.of(BTC, ETH, SOL));
        MatrixResult first = (MatrixResult) done(matrix(params));
        ctx.configure(Map.of("hedge_correlation_threshold", 0.99));
        MatrixResult second = (MatrixResult) done(matrix(params));
        assertThat(second).isNotSameAs(first);
        assertThat(second.thresholds().hedgeCorrelation()).isEqualTo(0.99);
        ctx.configure(Map.of("hedge_correlation_threshold", 0.99, "cache_ttl_seconds", 10L));
        assertThat(done(matrix(params))).isSameAs(second);                  // the TTL is not part of the answer
    }

    // ---------------------------------------------------------------- failures

    @Test
    void marketFailuresReachTheCallerUnchangedAndAreNotCached() {
        IntelException upstream = new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "binance unreachable");
        ctx.market().fail("klines " + ETH, upstream);
        assertThat(failure(matrix(Map.of("symbols", List.of(BTC, ETH))))).isSameAs(upstream);
        ctx.market().clearFailures();
        assertThat(done(matrix(Map.of("symbols", List.of(BTC, ETH))))).isNotNull();
        assertThat(ctx.published()).hasSize(1);
    }

    @Test
    void defectsBecomeInternalErrors() {
        ctx.market().fail("klines " + ETH, new IllegalStateException("boom"));
        IntelException e = intel(failure(matrix(Map.of("symbols", List.of(BTC, ETH)))));
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).isEqualTo("correlation matrix of [BTCUSDT, ETHUSDT] failed unexpectedly");
    }

    @Test
    void anInconsistentConfigurationIsAnInternalErrorNamingTheKeys() {
        ctx.configure(Map.of("lookback", 25L));                             // zscore_window 30 > 24
        IntelException e = intel(failure(pairs(Map.of("pair1", BTC, "pair2", ETH))));
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("[plugins.correlation.zscore_window] (30)", "[plugins.correlation.lookback] (25)");
    }

    @Test
    void notStartedIsServiceUnavailable() {
        done(plugin.stop());
        assertThat(intel(failure(matrix(Map.of("symbols", List.of(BTC, ETH))))).code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void everyHandlerReturnsAFailedFutureInsteadOfThrowing() {
        Map<String, Object> nothing = new HashMap<>();
        for (Operation o : plugin.operations()) {
            Future<?> f = o.handler().handle(new OperationRequest(o.pathParam() == io.marketintel.api.PathParam.NONE
                    ? null : BTC, Params.of(nothing)));
            assertThat(f.failed()).as(o.name()).isTrue();
        }
        assertThat(new ArrayList<>(ctx.market().requests())).isEmpty();
    }
}
