package io.marketintel.plugin.mtf.internal;

import static io.marketintel.plugin.mtf.internal.Fixtures.BTC;
import static io.marketintel.plugin.mtf.internal.Fixtures.NOW;
import static io.marketintel.plugin.mtf.internal.Fixtures.SIX;
import static io.marketintel.plugin.mtf.internal.Fixtures.done;
import static io.marketintel.plugin.mtf.internal.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.Bias;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operation as the runtime invokes it: requests made, closed candles only, cache, events, config, failures. */
class OperationTest {

    private MtfPlugin plugin;
    private FakePluginContext ctx;

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @BeforeEach
    void start() {
        plugin = new MtfPlugin();
        ctx = Fixtures.context(plugin.descriptor(), Fixtures.trending(SIX, 600, 0.003));
        done(plugin.start(ctx));
    }

    private Future<?> confluence(MtfPlugin p, String symbol) {
        return p.operations().get(0).handler().handle(new OperationRequest(symbol, Params.empty()));
    }

    private ConfluenceResult confluence() {
        return (ConfluenceResult) done(confluence(plugin, BTC));
    }

    @Test
    void asksForTheClosedCandlesOfEveryTimeframeOnceInParallel() {
        ConfluenceResult r = confluence();
        // now 2024-08-08T13:37:30Z; per timeframe the 499 candles before the forming one:
        // [forming open - 499 x interval, forming open - 1 ms]
        assertThat(ctx.market().requests()).containsExactly(
                "klines BTCUSDT M1 " + at("2024-08-08T05:18:00Z") + " " + (at("2024-08-08T13:37:00Z") - 1) + " 499",
                "klines BTCUSDT M5 " + at("2024-08-06T20:00:00Z") + " " + (at("2024-08-08T13:35:00Z") - 1) + " 499",
                "klines BTCUSDT M15 " + at("2024-08-03T08:45:00Z") + " " + (at("2024-08-08T13:30:00Z") - 1) + " 499",
                "klines BTCUSDT H1 " + at("2024-07-18T18:00:00Z") + " " + (at("2024-08-08T13:00:00Z") - 1) + " 499",
                "klines BTCUSDT H4 " + at("2024-05-17T08:00:00Z") + " " + (at("2024-08-08T12:00:00Z") - 1) + " 499",
                "klines BTCUSDT D1 " + at("2023-03-28T00:00:00Z") + " " + (at("2024-08-08T00:00:00Z") - 1) + " 499");
        assertThat(r.symbol()).isEqualTo(BTC);
        assertThat(r.source()).isEqualTo("fake");
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::timeframe)
                .containsExactly("1m", "5m", "15m", "1h", "4h", "1d");
        assertThat(r.timeframeSignals()).allSatisfy(t -> {
            assertThat(t.bars()).isEqualTo(499);
            assertThat(t.sufficientData()).isTrue();
            assertThat(t.direction()).isEqualTo(Direction.BULLISH);
        });
        assertThat(r.timeframeSignals().get(3).candleCloseTime()).isEqualTo(at("2024-08-08T13:00:00Z") - 1);
        assertThat(r.dataTime()).isEqualTo(at("2024-08-08T13:37:00Z") - 1);   // the newest: the 13:36 1m candle
        assertThat(r.overallDirection()).isEqualTo(Direction.BULLISH);
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        assertThat(r.alignedTimeframes()).isEqualTo(6);
        assertThat(r.totalTimeframes()).isEqualTo(6);
        assertThat(r.anchorTimeframes()).containsExactly("4h", "1h");
        assertThat(r.entryRecommendation()).isEqualTo(EntryRecommendation.ENTER);
        assertThat(r.coveragePct()).isEqualTo(100.0);
        assertThat(r.reasoning().get(0)).isEqualTo("High confluence (100/100) - 6/6 timeframes aligned");
    }

    @Test
    void theFormingCandleNeverCountsEvenWhenTheMarketSendsIt() {
        // A market that ignores the range sends the newest 499 candles: 498 closed plus the forming one.
        ctx.market().ignoreRanges(true);
        ConfluenceResult base = confluence();
        assertThat(base.timeframeSignals()).allSatisfy(t -> assertThat(t.bars()).isEqualTo(498));
        assertThat(base.timeframeSignals()).allSatisfy(t -> assertThat(t.candleCloseTime()).isLessThan(NOW));

        // Change only the forming candles (a crash to a third of the price): nothing in the answer moves.
        for (Interval tf : SIX) {
            List<Kline> k = new ArrayList<>(ctx.market().scriptedKlines(BTC, tf));
            Kline f = k.get(k.size() - 1);
            assertThat(f.isClosedAt(NOW)).isFalse();
            k.set(k.size() - 1, new Kline(f.openTime(), f.open(), f.high(), f.close() / 3 * 0.99, f.close() / 3,
                    f.volume() * 50, f.closeTime(), f.quoteVolume(), f.trades(), f.takerBuyBaseVolume(),
                    f.takerBuyQuoteVolume()));
            ctx.market().klines(BTC, tf, k);
        }
        MtfPlugin fresh = new MtfPlugin();
        FakePluginContext other = Fixtures.context(fresh.descriptor(), ctx.market());
        done(fresh.start(other));
        ConfluenceResult crashed = (ConfluenceResult) done(confluence(fresh, BTC));
        assertThat(crashed).isEqualTo(base);
    }

    @Test
    void aCandleCountsFromTheMillisecondAfterItsCloseTime() {
        // At 13:38:00.000 the 13:37 1m candle (close time 13:37:59.999) has closed: it is requested and used.
        ctx.clock().advance(Duration.ofMillis(at("2024-08-08T13:38:00Z") - NOW));
        ctx.market().klines(BTC, Interval.M1, Fixtures.series(Interval.M1, ctx.clock().millis(),
                Fixtures.geometric(600, 100, 0.003), 0.2, 200));
        ConfluenceResult r = confluence();
        assertThat(ctx.market().requests().get(0)).endsWith(" " + (at("2024-08-08T13:38:00Z") - 1) + " 499");
        assertThat(r.timeframeSignals().get(0).candleCloseTime()).isEqualTo(at("2024-08-08T13:38:00Z") - 1);
        assertThat(r.dataTime()).isEqualTo(at("2024-08-08T13:38:00Z") - 1);
    }

    @Test
    void resultIsCachedForTheConfiguredTtlAndPublishedOncePerComputation() {
        ConfluenceResult first = confluence();
        assertThat(confluence()).isSameAs(first);
        assertThat(ctx.market().count("klines")).isEqualTo(6);
        assertThat(ctx.cacheLoads()).hasSize(1).allMatch(k -> k.startsWith("confluence:BTCUSDT|"));
        assertThat(ctx.published()).containsExactly(new FakePluginContext.Event("confluence", first));

        ctx.clock().advance(Duration.ofSeconds(29));
        confluence();
        assertThat(ctx.market().count("klines")).isEqualTo(6);            // still within the spec's 30 s

        ctx.clock().advance(Duration.ofSeconds(1));
        confluence();                                                    // expired at 30 s
        assertThat(ctx.market().count("klines")).isEqualTo(12);
        assertThat(ctx.published()).hasSize(2).allMatch(e -> e.type().equals("confluence"));
    }

    @Test
    void configIsReadOnEveryCallAndChangedSettingsAreNotHiddenBehindTheCache() {
        ctx.configure(Map.of("cache_ttl_seconds", 5L));
        confluence();
        ctx.clock().advance(Duration.ofSeconds(5));
        confluence();
        assertThat(ctx.market().count("klines")).isEqualTo(12);

        ctx.configure(Map.of("timeframes", List.of("4h", "1h"), "weight_1h", 30.0, "weight_4h", 10.0, "bars", 200L));
        ConfluenceResult r = confluence();
        assertThat(ctx.market().requests().subList(12, ctx.market().requests().size())).containsExactly(
                "klines BTCUSDT H1 " + (at("2024-08-08T13:00:00Z") - 200 * 3_600_000L) + " "
                        + (at("2024-08-08T13:00:00Z") - 1) + " 200",
                "klines BTCUSDT H4 " + (at("2024-08-08T12:00:00Z") - 200 * 14_400_000L) + " "
                        + (at("2024-08-08T12:00:00Z") - 1) + " 200");
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::timeframe).containsExactly("1h", "4h");
        // 30 / (30 + 10) = 0.75, 10 / 40 = 0.25
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::weight).containsExactly(0.75, 0.25);
        assertThat(r.anchorTimeframes()).containsExactly("1h", "4h");
        assertThat(r.totalTimeframes()).isEqualTo(2);
    }

    @Test
    void timeframesWithTooLittleHistoryAreNeutralWithoutWeightNeverAnError() {
        // A listing 40 days old: 40 closed daily candles, 240 4h candles, the rest plenty.
        ctx.market().klines(BTC, Interval.D1, Fixtures.series(Interval.D1, NOW, Fixtures.geometric(40, 100, 0.003), 0.2, 120));
        ConfluenceResult r = confluence();
        TimeframeSignal d1 = r.timeframeSignals().get(5);
        assertThat(d1.timeframe()).isEqualTo("1d");
        assertThat(d1.sufficientData()).isFalse();
        assertThat(d1.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(d1.strength()).isZero();
        assertThat(d1.weight()).isZero();
        assertThat(d1.bars()).isEqualTo(40);
        assertThat(d1.close()).isNull();
        assertThat(d1.candleCloseTime()).isNull();
        assertThat(d1.votes()).isEmpty();
        assertThat(d1.note()).isEqualTo("not analysed: 40 closed candles, 100 needed (new listing or short history) -"
                + " its weight is shared among the other timeframes");
        // the other five share 80: 5/80, 10/80, 15/80, 25/80, 25/80
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::weight)
                .containsExactly(0.0625, 0.125, 0.1875, 0.3125, 0.3125, 0.0);
        assertThat(r.totalTimeframes()).isEqualTo(5);
        assertThat(r.alignedTimeframes()).isEqualTo(5);
        assertThat(r.coveragePct()).isEqualTo(80.0);
        assertThat(r.confidence()).isEqualTo(80);                      // 0.8 x 100
        assertThat(r.reasoning()).contains("1d not analysed: 40 closed candles, 100 needed (new listing or short"
                + " history) - its weight is shared among the other timeframes");
        assertThat(r.reasoning().get(0)).isEqualTo("High confluence (100/100) - 5/5 timeframes aligned");
    }

    @Test
    void aBrandNewListingIsAvoidNotAnError() {
        for (Interval tf : SIX) {
            ctx.market().klines(BTC, tf, Fixtures.series(tf, NOW, Fixtures.geometric(3, 100, 0.01), 0.2, 103));
        }
        ctx.market().klines(BTC, Interval.D1, List.of());                // not even one daily candle yet
        ConfluenceResult r = confluence();
        assertThat(r.totalTimeframes()).isZero();
        assertThat(r.overallDirection()).isEqualTo(Direction.NEUTRAL);
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(r.confluenceScore()).isZero();
        assertThat(r.confidence()).isZero();
        assertThat(r.entryRecommendation()).isEqualTo(EntryRecommendation.AVOID);
        assertThat(r.anchorTimeframes()).isEmpty();
        assertThat(r.dataTime()).isNull();
        assertThat(r.timeframeSignals()).extracting(TimeframeSignal::bars).containsExactly(3, 3, 3, 3, 3, 0);
        assertThat(r.reasoning()).startsWith("No confluence (0/100) - no timeframe has the 100 closed candles needed",
                "AVOID: no timeframe could be analysed");
    }

    @Test
    void badConfigurationFailsNamingTheKeyWithoutAskingTheMarket() {
        ctx.configure(Map.of("timeframes", List.of("1m", "2m")));
        Throwable e = failure(confluence(plugin, BTC));
        assertThat(e).isInstanceOf(IntelException.class);
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("[plugins.mtf.timeframes]").contains("bad value [2m]");
        assertThat(ctx.market().requests()).isEmpty();
    }

    @Test
    void aTimeframeTheMarketCannotProvideIsLeftOutLikeOneWithTooLittleHistory() {
        ctx.market().fail("klines BTCUSDT M1", new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no 1m klines for BTCUSDT"));
        ConfluenceResult r = confluence();
        TimeframeSignal m1 = r.timeframeSignals().get(0);
        assertThat(m1.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(m1.strength()).isZero();
        assertThat(m1.note()).contains("the market has no data for it (replay data has no 1m klines for BTCUSDT)");
        assertThat(r.totalTimeframes()).isEqualTo(5);
    }

    @Test
    void marketDataFailuresPassThroughUnchangedAndAreNotCached() {
        IntelException upstream = new IntelException(ErrorCode.UPSTREAM_ERROR, "Binance answered garbage");
        ctx.market().fail("klines BTCUSDT H4", upstream);
        assertThat(failure(confluence(plugin, BTC))).isSameAs(upstream);
        assertThat(ctx.published()).isEmpty();

        ctx.market().clearFailures();
        assertThat(confluence().symbol()).isEqualTo(BTC);
        assertThat(ctx.published()).hasSize(1);
    }

    @Test
    void unexpectedExceptionsBecomeInternalErrorsNotThrows() {
        FakeMarketData throwing = new FakeMarketData() {
            @Override
            public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
                throw new IllegalStateException("boom");
            }
        };
        MtfPlugin p = new MtfPlugin();
        done(p.start(Fixtures.context(p.descriptor(), throwing)));
        Throwable e = failure(confluence(p, BTC));
        assertThat(e).isInstanceOf(IntelException.class);
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).isEqualTo("confluence of [BTCUSDT] failed unexpectedly");
    }

    @Test
    void notStartedIsServiceUnavailable() {
        Throwable e = failure(confluence(new MtfPlugin(), BTC));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void theIndicatorValuesThatDecidedAreReported() {
        TimeframeSignal h1 = confluence().timeframeSignals().get(3);
        // the market holds 600 closed candles 100 x 1.003^k (k = 0 … 599); the newest 499 (k = 101 … 599) are used
        assertThat(h1.close()).isCloseTo(100 * Math.pow(1.003, 599), within(1e-4));
        assertThat(h1.emaFast()).isLessThan(h1.close());
        assertThat(h1.emaSlow()).isLessThan(h1.emaFast());
        assertThat(h1.emaLong()).isLessThan(h1.emaSlow());
        assertThat(h1.rsi()).isEqualTo(100.0);
        assertThat(h1.minusDi()).isEqualTo(0.0);
        assertThat(h1.adx()).isEqualTo(100.0);
        assertThat(h1.macdHistogram()).isPositive();
        assertThat(h1.atrPct()).isPositive();
        assertThat(h1.votes()).hasSize(7).allSatisfy(v -> assertThat(v.vote()).isEqualTo(1.0));
        assertThat(h1.note()).isNull();
    }
}
