package io.marketintel.plugin.volumeprofile.internal;

import static io.marketintel.plugin.volumeprofile.internal.Fixtures.BTC;
import static io.marketintel.plugin.volumeprofile.internal.Fixtures.M5;
import static io.marketintel.plugin.volumeprofile.internal.Fixtures.T0;
import static io.marketintel.plugin.volumeprofile.internal.Fixtures.candle;
import static io.marketintel.plugin.volumeprofile.internal.Fixtures.done;
import static io.marketintel.plugin.volumeprofile.internal.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operations as the runtime invokes them: requests made, forming candle, cache, events, config, failures. */
class OperationTest {

    /** Two minutes into candle 10. */
    private static final long NOW = T0 + 10 * M5 + 120_000;

    private VolumeProfilePlugin plugin;
    private FakePluginContext ctx;

    /**
     * The hand-made set (candles 0..9, closed at {@link #NOW}) plus candle 10, still forming: it trades 90 – 150 with
     * a million contracts and last trades at 107. None of that may reach the profile.
     */
    private static List<Kline> handMadeWithForming() {
        List<Kline> k = new ArrayList<>(Fixtures.handMade());
        k.add(candle(10, 105, 150, 90, 107, 1_000_000));
        return k;
    }

    @BeforeEach
    void start() {
        plugin = new VolumeProfilePlugin();
        FakeMarketData market = Fixtures.listing(new FakeMarketData(), Fixtures.symbol(BTC, "1"))
                .klines(BTC, handMadeWithForming());
        ctx = Fixtures.context(plugin.descriptor(), market);
        ctx.configure(Map.of("bin_count", 10L));
        ctx.clock().advance(Duration.ofMillis(NOW - T0));
        done(plugin.start(ctx));
    }

    private Future<?> call(int op, String symbol, Map<String, ?> params) {
        return plugin.operations().get(op).handler().handle(new OperationRequest(symbol, Params.of(params)));
    }

    private ProfileResult analysis(Map<String, ?> params) {
        return (ProfileResult) done(call(0, BTC, params));
    }

    private static Map<String, Object> lookback10() {
        Map<String, Object> m = new HashMap<>();
        m.put("lookback", 10L);
        return m;
    }

    @Test
    void profilesTheClosedCandlesOnlyAndPricesWithTheFormingOne() {
        ProfileResult r = analysis(lookback10());
        assertThat(ctx.market().requests()).containsExactlyInAnyOrder("exchangeInfo", "klines BTCUSDT M5 11");
        assertThat(r.candles()).isEqualTo(10);
        // exactly the hand-computed profile: the forming candle's million contracts and 90 – 150 range are absent
        assertThat(r.totalVolume()).isEqualTo(230.0);
        assertThat(r.rangeLow()).isEqualTo(100.0);
        assertThat(r.rangeHigh()).isEqualTo(110.0);
        assertThat(r.poc().price()).isEqualTo(105.5);
        assertThat(r.valueAreaLow().price()).isEqualTo(103.0);
        assertThat(r.valueAreaHigh().price()).isEqualTo(108.0);
        // the current price is the forming candle's last trade
        assertThat(r.currentPrice()).isEqualTo(107.0);
        assertThat(r.positionRelativeToValueArea()).isEqualTo(ValueAreaPosition.INSIDE_VALUE_AREA);
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(r.dataTime()).isEqualTo(T0 + 10 * M5 - 1);      // close of candle 9
        assertThat(r.source()).isEqualTo("fake");
        assertThat(r.interval()).isEqualTo("5m");
        assertThat(r.lookback()).isEqualTo(10);
    }

    @Test
    void withoutAFormingCandleTheNewestClosedCloseIsThePrice() {
        ctx.market().klines(BTC, Fixtures.handMade());
        ProfileResult r = analysis(lookback10());
        assertThat(r.candles()).isEqualTo(10);
        assertThat(r.currentPrice()).isEqualTo(105.0);              // candle 9's close
        assertThat(r.reasoning().get(r.reasoning().size() - 1)).endsWith("(close of the newest closed candle)");
    }

    @Test
    void aLongerHistoryIsCutToTheLookbackOfClosedCandles() {
        List<Kline> k = new ArrayList<>();
        k.add(candle(0, 50, 60, 40, 55, 1000));                     // older than the lookback: left out
        k.addAll(Fixtures.renumbered(handMadeWithForming(), 1));
        ctx.market().klines(BTC, k);
        ctx.clock().advance(Duration.ofMillis(M5));
        ProfileResult r = analysis(lookback10());
        assertThat(r.candles()).isEqualTo(10);
        assertThat(r.rangeLow()).isEqualTo(100.0);
        assertThat(r.totalVolume()).isEqualTo(230.0);
    }

    @Test
    void callDefaultsComeFromTheConfigurationAtEveryCall() {
        analysis(Map.of());
        assertThat(ctx.market().requests()).contains("klines BTCUSDT M5 201");            // default_lookback 200 + forming
        ctx.configure(Map.of("bin_count", 10L, "default_interval", "1h", "default_lookback", 10L));
        ProfileResult r = analysis(Map.of());
        assertThat(ctx.market().requests()).contains("klines BTCUSDT H1 11");
        assertThat(r.interval()).isEqualTo("1h");
        assertThat(r.lookback()).isEqualTo(10);
        // a call's own values win
        analysis(Map.of("interval", "15m", "lookback", 30L));
        assertThat(ctx.market().requests()).contains("klines BTCUSDT M15 31");
    }

    @Test
    void resultIsCachedForTheTtlSharedByLevelsAndPublishedOncePerComputation() {
        ProfileResult first = analysis(lookback10());
        assertThat(analysis(lookback10())).isSameAs(first);
        Map<String, Object> levelParams = new HashMap<>(lookback10());
        levelParams.put("num_levels", 3L);
        LevelsResult levels = (LevelsResult) done(call(1, BTC, levelParams));
        assertThat(levels.currentPrice()).isEqualTo(first.currentPrice());
        assertThat(ctx.market().count("klines")).isEqualTo(1);
        assertThat(ctx.cacheLoads()).containsExactly("profile:BTCUSDT|5m|10|b=10,va=70.0,h=150.0,l=50.0");
        assertThat(ctx.published()).containsExactly(new FakePluginContext.Event("profile", first));

        ctx.clock().advance(Duration.ofSeconds(59));
        analysis(lookback10());
        assertThat(ctx.market().count("klines")).isEqualTo(1);                          // still within 60 s
        ctx.clock().advance(Duration.ofSeconds(1));
        done(call(1, BTC, levelParams));                                              // expired: levels recomputes
        assertThat(ctx.market().count("klines")).isEqualTo(2);
        assertThat(ctx.published()).hasSize(2).allMatch(e -> e.type().equals("profile"));

        // a changed profile setting is not hidden behind the cache
        ctx.configure(Map.of("bin_count", 20L));
        ProfileResult finer = analysis(lookback10());
        assertThat(finer.binSize()).isEqualTo(1.0);          // 10 / 20 = 0.5, rounded up to the tick of 1
        assertThat(ctx.market().count("klines")).isEqualTo(3);
        ctx.configure(Map.of("bin_count", 20L, "value_area_pct", 50.0));
        assertThat(analysis(lookback10()).valueAreaPct()).isEqualTo(50.0);
    }

    @Test
    void levelsAnswerTheAskedNumberPerSide() {
        Map<String, Object> p = new HashMap<>(lookback10());
        p.put("num_levels", 1L);
        LevelsResult l = (LevelsResult) done(call(1, BTC, p));
        // price 107: VAH 108 above; POC 105.5 below
        assertThat(l.levelsAbove()).extracting(Level::type).containsExactly(LevelType.VAH);
        assertThat(l.levelsBelow()).extracting(Level::type).containsExactly(LevelType.POC);
        assertThat(l.numLevels()).isEqualTo(1);
    }

    /**
     * 2000 closed candles repeating the hand-made set (historical), then 1000 repeating it 6 higher (current), then a
     * forming one: {@code lookback 1000 × (historical_multiplier 2 + 1) + 1} = 3001 klines, more than one request.
     */
    private void threeThousandCandles() {
        List<Kline> k = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            k.addAll(Fixtures.renumbered(Fixtures.handMade(), k.size()));
        }
        for (int r = 0; r < 100; r++) {
            k.addAll(Fixtures.renumbered(Fixtures.shifted(Fixtures.handMade(), 6), k.size()));
        }
        k.add(candle(k.size(), 111, 112, 110, 111.5, 5));
        ctx.market().klines(BTC, k);
        ctx.clock().advance(Duration.ofMillis(2990 * M5));                // two minutes into candle 3000
    }

    @Test
    void compareFetchesCurrentAndHistoricalInPagesAndFindsTheMigration() {
        threeThousandCandles();
        CompareResult c = (CompareResult) done(call(2, BTC, Map.of("lookback", 1000L, "historical_multiplier", 2L)));
        long forming = T0 + 3000 * M5;
        assertThat(ctx.market().requests()).containsExactlyInAnyOrder("exchangeInfo",
                "klines BTCUSDT M5 " + T0 + " " + (T0 + 1500 * M5 - 1) + " 1500",
                "klines BTCUSDT M5 " + (T0 + 1500 * M5) + " " + (T0 + 3000 * M5 - 1) + " 1500",
                "klines BTCUSDT M5 " + forming + " " + forming + " 1500");
        assertThat(c.current().candles()).isEqualTo(1000);
        assertThat(c.historical().candles()).isEqualTo(2000);
        assertThat(c.historical().fromTime()).isEqualTo(T0);
        assertThat(c.historical().toTime()).isEqualTo(T0 + 2000 * M5 - 1);
        assertThat(c.current().fromTime()).isEqualTo(T0 + 2000 * M5);
        assertThat(c.current().toTime()).isEqualTo(forming - 1);
        // the same shapes as the hand-made comparison, scaled: POC 105.5 → 111.5, value areas 103 – 108 → 109 – 114
        assertThat(c.historical().pocPrice()).isEqualTo(105.5);
        assertThat(c.current().pocPrice()).isEqualTo(111.5);
        assertThat(c.pocMigration()).isEqualTo(6.0);
        assertThat(c.shiftDirection()).isEqualTo(ShiftDirection.HIGHER);
        assertThat(c.bias()).isEqualTo(Bias.LONG);
        assertThat(c.currentPrice()).isEqualTo(111.5);                     // the forming candle's close
        assertThat(c.historicalMultiplier()).isEqualTo(2);

        // cached like analysis, under its own key
        done(call(2, BTC, Map.of("lookback", 1000L, "historical_multiplier", 2L)));
        assertThat(ctx.market().count("klines")).isEqualTo(3);
        assertThat(ctx.cacheLoads()).containsExactly("compare:BTCUSDT|5m|1000|2|b=10,va=70.0,h=150.0,l=50.0");
    }

    @Test
    void compareUsesTheConfiguredMultiplierByDefault() {
        threeThousandCandles();
        ctx.configure(Map.of("bin_count", 10L, "historical_multiplier", 2L, "default_lookback", 1000L));
        CompareResult c = (CompareResult) done(call(2, BTC, Map.of()));
        assertThat(c.historicalMultiplier()).isEqualTo(2);
        assertThat(c.lookback()).isEqualTo(1000);
        assertThat(c.historical().candles()).isEqualTo(2000);
    }

    @Test
    void aLookbackOfFifteenHundredNeedsTwoRequests() {
        threeThousandCandles();
        ProfileResult r = analysis(Map.of("lookback", 1500L));
        assertThat(ctx.market().count("klines")).isEqualTo(2);
        assertThat(r.candles()).isEqualTo(1500);
    }

    @Test
    void compareWithoutHistoryBeforeTheCurrentWindowSaysWhy() {
        Throwable e = failure(call(2, BTC, Map.of("lookback", 10L)));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("the market returned no closed 5m klines for [BTCUSDT] before the current"
                + " 10: its history is too short for lookback 10 x historical_multiplier 5; try a shorter interval or"
                + " lookback");
    }

    @Test
    void aMarketWithoutVolumeIsAnUpstreamError() {
        List<Kline> quiet = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            quiet.add(candle(i, 100, 101, 99, 100, 0));
        }
        ctx.market().klines(BTC, quiet);
        Throwable e = failure(call(0, BTC, lookback10()));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("the market returned no traded volume for [BTCUSDT] in 10 closed 5m klines");
        ctx.market().klines(BTC, List.of());
        assertThat(failure(call(0, BTC, lookback10())).getMessage())
                .isEqualTo("the market returned no closed 5m klines for [BTCUSDT]");
        assertThat(ctx.published()).isEmpty();
    }

    @Test
    void marketDataFailuresPassThroughUnchangedAndAreNotCached() {
        IntelException upstream = new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "Binance is banning us for 120 s");
        ctx.market().fail("klines", upstream);
        assertThat(failure(call(0, BTC, lookback10()))).isSameAs(upstream);
        assertThat(failure(call(2, BTC, lookback10()))).isSameAs(upstream);
        ctx.market().clearFailures();
        assertThat(analysis(lookback10()).candles()).isEqualTo(10);
        assertThat(ctx.published()).hasSize(1);
    }

    @Test
    void aSymbolMissingFromExchangeInfoIsUnknown() {
        Throwable e = failure(call(0, "ETHUSDT", lookback10()));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
    }

    @Test
    void inconsistentThresholdsFailNamingBothKeysWithoutAskingTheMarket() {
        ctx.configure(Map.of("lvn_threshold_pct", 150.0, "hvn_threshold_pct", 150.0));
        Throwable e = failure(call(0, BTC, lookback10()));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("[plugins.volume-profile.lvn_threshold_pct] (150.0) must be below"
                + " [plugins.volume-profile.hvn_threshold_pct] (150.0)");
        assertThat(failure(call(2, BTC, lookback10())).getMessage()).contains("lvn_threshold_pct");
        assertThat(ctx.market().requests()).isEmpty();
    }

    @Test
    void unexpectedExceptionsBecomeInternalErrorsNotThrows() {
        FakeMarketData broken = Fixtures.listing(new FakeMarketData() {
            @Override
            public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
                throw new IllegalStateException("boom");
            }
        }, Fixtures.symbol(BTC, "0.10"));
        FakePluginContext c = Fixtures.context(plugin.descriptor(), broken);
        VolumeProfilePlugin p = new VolumeProfilePlugin();
        done(p.start(c));
        Throwable e = failure(p.operations().get(0).handler().handle(new OperationRequest(BTC, Params.empty())));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).isEqualTo("volume profile of [BTCUSDT] failed unexpectedly");
    }

    @Test
    void notStartedIsServiceUnavailable() {
        VolumeProfilePlugin idle = new VolumeProfilePlugin();
        for (int op = 0; op < 3; op++) {
            Throwable e = failure(idle.operations().get(op).handler().handle(
                    new OperationRequest(BTC, Params.of(Map.of("num_levels", 5L)))));
            assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        }
        done(plugin.stop());
        assertThat(((IntelException) failure(call(0, BTC, lookback10()))).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
