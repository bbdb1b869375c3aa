package io.marketintel.runtime.market.replay;

import static io.marketintel.runtime.market.replay.Fixtures.close;
import static io.marketintel.runtime.market.replay.Fixtures.high;
import static io.marketintel.runtime.market.replay.Fixtures.klineRows;
import static io.marketintel.runtime.market.replay.Fixtures.low;
import static io.marketintel.runtime.market.replay.Fixtures.open;
import static io.marketintel.runtime.market.replay.Fixtures.t;
import static io.marketintel.runtime.market.replay.Fixtures.volume;
import static io.marketintel.runtime.market.replay.Fixtures.withHeader;
import static io.marketintel.runtime.market.replay.ReplayTesting.failure;
import static io.marketintel.runtime.market.replay.ReplayTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.BookTicker;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.marketintel.runtime.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replay market over fixture files written in the exact published layouts. */
class ReplayMarketTest {

    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY0 = t("2024-01-01T00:00:00Z");

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static ReplayClock clock;
    private static ReplayMarket market;

    @BeforeAll
    static void writeFixturesAndOpen() {
        // 1m with header, one day file, 3 hours
        Fixtures.write(dir, "BTCUSDT-1m-2024-01-01.csv", withHeader(Fixtures.KLINES_HEADER, klineRows(DAY0, MIN, 180)));
        // 1h monthly file without header, two days
        Fixtures.write(dir, "ETHUSDT-1h-2024-01.csv", klineRows(DAY0, HOUR, 48));
        // newer files: microsecond stamps
        Fixtures.write(dir, "SOLUSDT-1m-2025-01-01.csv",
                withHeader(Fixtures.KLINES_HEADER, klineRows(t("2025-01-01T00:00:00Z"), MIN, 30, true, ot -> false)));
        // the published .zip
        Fixtures.writeZip(dir, "BNBUSDT-1h-2024-01.zip", withHeader(Fixtures.KLINES_HEADER, klineRows(DAY0, HOUR, 24)));
        // 1m with a 3-minute hole at 01:17 … 01:19
        Fixtures.write(dir, "ADAUSDT-1m-2024-01-01.csv", klineRows(DAY0, MIN, 180, false,
                ot -> ot >= DAY0 + 77 * MIN && ot < DAY0 + 80 * MIN));
        Fixtures.write(dir, "BTCUSDT-metrics-2024-01-01.csv", Fixtures.metricsRows("BTCUSDT", DAY0, 36));
        Fixtures.write(dir, "BTCUSDT-fundingRate-2024-01.csv", List.of(
                "calc_time,funding_interval_hours,last_funding_rate",
                (t("2023-12-31T16:00:00Z") + 5) + ",8,0.00010000",
                (t("2024-01-01T00:00:00Z") + 10) + ",8,0.00025000",
                (t("2024-01-01T08:00:00Z") + 3) + ",8,-0.00005000"));
        Fixtures.write(dir, "BTCUSDT-depth-" + t("2024-01-01T01:00:00Z") + ".json",
                Fixtures.depthJson(11, null, null, 160.0, 30));
        Fixtures.write(dir, "BTCUSDT-depth.json",
                Fixtures.depthJson(22, t("2024-01-01T02:00:00.010Z"), t("2024-01-01T02:00:00Z"), 200.0, 1000));
        Fixtures.write(dir, "notes.txt", "recorded by hand");
        Fixtures.write(dir, "BTCUSDT-aggTrades-2024-01.csv", "1,100,1,1,1,1700000000000,true");
        vertx = Vertx.vertx();
        clock = new ReplayClock(MutableClock.at("2030-01-01T00:00:00Z"), Instant.ofEpochMilli(DAY0), 1);
        clock.pause();
        market = ok(ReplayMarket.open(vertx, dir, clock));
    }

    @AfterAll
    static void closeVertx() {
        ok(vertx.close());
    }

    @BeforeEach
    void rewind() {
        clock.seek(Instant.ofEpochMilli(DAY0));
    }

    private static void at(String iso) {
        clock.seek(Instant.parse(iso));
    }

    // ------------------------------------------------------------------ klines

    @Test
    void klinesWithHeaderShowOnlyClosedCandles() {
        at("2024-01-01T01:00:30Z");
        List<Kline> k = ok(market.klines("BTCUSDT", Interval.M1, 1500));
        assertThat(k).hasSize(60);
        Kline last = k.get(59);
        assertThat(last.openTime()).isEqualTo(DAY0 + 59 * MIN);
        assertThat(last.closeTime()).isEqualTo(DAY0 + 60 * MIN - 1).isLessThan(clock.millis());
        assertThat(last.open()).isEqualTo(open(59));
        assertThat(last.high()).isEqualTo(high(59));
        assertThat(last.low()).isEqualTo(low(59));
        assertThat(last.close()).isEqualTo(close(59));
        assertThat(last.volume()).isEqualTo(volume(59), within(1e-12));
        assertThat(last.trades()).isEqualTo(69);
        assertThat(last.takerBuyBaseVolume()).isEqualTo(volume(59) / 2, within(1e-3));
        // exactly at a close the candle that just closed appears; one ms earlier it does not
        at("2024-01-01T01:00:00Z");
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 1500))).hasSize(60);
        clock.seek(Instant.parse("2024-01-01T01:00:00Z").minusMillis(1));
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 1500))).hasSize(59);
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 5))).extracting(Kline::openTime)
                .containsExactly(DAY0 + 54 * MIN, DAY0 + 55 * MIN, DAY0 + 56 * MIN, DAY0 + 57 * MIN, DAY0 + 58 * MIN);
    }

    @Test
    void beforeTheRecordingStartsThereAreNoKlines() {
        at("2023-12-31T00:00:00Z");
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 10))).isEmpty();
        at("2024-01-01T00:00:59.999Z");
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 10))).isEmpty();
    }

    @Test
    void headerlessMonthlyFileIsRead() {
        at("2024-01-02T00:00:00Z");
        List<Kline> k = ok(market.klines("ETHUSDT", Interval.H1, 1500));
        assertThat(k).hasSize(24);
        assertThat(k.get(23).close()).isEqualTo(close(23));
    }

    @Test
    void microsecondTimestampsBecomeMilliseconds() {
        at("2025-01-01T00:10:00Z");
        List<Kline> k = ok(market.klines("SOLUSDT", Interval.M1, 1500));
        assertThat(k).hasSize(10);
        assertThat(k.get(0).openTime()).isEqualTo(t("2025-01-01T00:00:00Z"));
        assertThat(k.get(0).closeTime()).isEqualTo(t("2025-01-01T00:00:59.999Z"));
    }

    @Test
    void zippedFilesAreReadInPlace() {
        at("2024-01-01T12:00:00Z");
        assertThat(ok(market.klines("BNBUSDT", Interval.H1, 1500))).hasSize(12);
    }

    @Test
    void rangeFormIsClippedAtNowAndCountsTheLimitFromTheStart() {
        at("2024-01-01T00:30:00Z");
        List<Kline> k = ok(market.klines("BTCUSDT", Interval.M1, DAY0 + 10 * MIN, DAY0 + 120 * MIN, 1500));
        assertThat(k).hasSize(20); // 00:10 … 00:29: later candles have not closed
        assertThat(k.get(0).openTime()).isEqualTo(DAY0 + 10 * MIN);
        List<Kline> limited = ok(market.klines("BTCUSDT", Interval.M1, DAY0 + 10 * MIN + 1, DAY0 + 120 * MIN, 3));
        assertThat(limited).extracting(Kline::openTime).containsExactly(DAY0 + 11 * MIN, DAY0 + 12 * MIN,
                DAY0 + 13 * MIN);
        assertThat(failure(market.klines("BTCUSDT", Interval.M1, 10, 5, 10)).details())
                .containsEntry("parameter", "startTime");
    }

    @Test
    void longerIntervalsAreExactAggregatesOfTheStoredOnes() {
        at("2024-01-01T03:00:00Z");
        List<Kline> m1 = ok(market.klines("BTCUSDT", Interval.M1, 1500));
        for (Interval target : List.of(Interval.M5, Interval.M15, Interval.M30, Interval.H1)) {
            List<Kline> agg = ok(market.klines("BTCUSDT", target, 1500));
            int per = (int) (target.millis() / MIN);
            assertThat(agg).as(target.code()).hasSize(180 / per);
            for (int b = 0; b < agg.size(); b++) {
                List<Kline> part = m1.subList(b * per, (b + 1) * per);
                Kline a = agg.get(b);
                assertThat(a.openTime()).isEqualTo(part.get(0).openTime());
                assertThat(a.closeTime()).isEqualTo(a.openTime() + target.millis() - 1);
                assertThat(a.open()).isEqualTo(part.get(0).open());
                assertThat(a.close()).isEqualTo(part.get(per - 1).close());
                assertThat(a.high()).isEqualTo(part.stream().mapToDouble(Kline::high).max().orElseThrow());
                assertThat(a.low()).isEqualTo(part.stream().mapToDouble(Kline::low).min().orElseThrow());
                assertThat(a.volume()).isCloseTo(part.stream().mapToDouble(Kline::volume).sum(), within(1e-9));
                assertThat(a.trades()).isEqualTo(part.stream().mapToLong(Kline::trades).sum());
            }
        }
        // the forming hour is not shown even though its first minutes have closed
        at("2024-01-01T02:59:00Z");
        assertThat(ok(market.klines("BTCUSDT", Interval.H1, 10))).hasSize(2);
    }

    @Test
    void aMissingConstituentIsAGapOfTheAggregateNotAFabricatedCandle() {
        assertThat(ok(market.gaps("ADAUSDT", Interval.M1)))
                .containsExactly(new ReplayGap(DAY0 + 77 * MIN, DAY0 + 80 * MIN, 3));
        assertThat(ok(market.gaps("ADAUSDT", Interval.H1)))
                .containsExactly(new ReplayGap(DAY0 + HOUR, DAY0 + 2 * HOUR, 1));
        assertThat(ok(market.gaps("ADAUSDT", Interval.M5)))
                .containsExactly(new ReplayGap(DAY0 + 75 * MIN, DAY0 + 80 * MIN, 1));
        at("2024-01-01T03:00:00Z");
        assertThat(ok(market.klines("ADAUSDT", Interval.H1, 10))).extracting(Kline::openTime)
                .containsExactly(DAY0, DAY0 + 2 * HOUR);
        assertThat(ok(market.gaps("BTCUSDT", Interval.M1))).isEmpty();
    }

    @Test
    void shorterIntervalsCannotBeMadeUpAndTheErrorNamesTheFile() {
        IntelException e = failure(market.klines("ETHUSDT", Interval.M1, 10));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("no 1m klines for ETHUSDT", "it has 1h", "ETHUSDT-1m-YYYY-MM.csv",
                dir.toAbsolutePath().normalize().toString());
        // a day needs 24 whole hours: BNBUSDT has exactly one day, so there is one daily candle
        at("2024-01-03T00:00:00Z");
        assertThat(ok(market.klines("BNBUSDT", Interval.D1, 10))).hasSize(1);
        // a week needs seven whole days
        assertThat(failure(market.klines("BNBUSDT", Interval.W1, 10)).getMessage()).contains("no 1w klines");
    }

    // ------------------------------------------------------------------ metrics

    @Test
    void metricsFeedOpenInterestAsOfNow() {
        at("2024-01-01T00:12:00Z");
        OpenInterest oi = ok(market.openInterest("BTCUSDT"));
        assertThat(oi.time()).isEqualTo(DAY0 + 10 * MIN);
        assertThat(oi.openInterest()).isEqualTo(Fixtures.oi(2));
        List<OpenInterestPoint> h = ok(market.openInterestHistory("BTCUSDT", Period.M5, 500));
        assertThat(h).extracting(OpenInterestPoint::timestamp).containsExactly(DAY0, DAY0 + 5 * MIN, DAY0 + 10 * MIN);
        assertThat(h.get(2).sumOpenInterestValue()).isEqualTo(Fixtures.oi(2) * 100, within(1e-6));
        at("2024-01-01T03:00:00Z");
        assertThat(ok(market.openInterestHistory("BTCUSDT", Period.H1, 500))).extracting(OpenInterestPoint::timestamp)
                .containsExactly(DAY0, DAY0 + HOUR, DAY0 + 2 * HOUR);
        assertThat(ok(market.openInterestHistory("BTCUSDT", Period.M15, 2))).extracting(OpenInterestPoint::timestamp)
                .containsExactly(DAY0 + 150 * MIN, DAY0 + 165 * MIN);
        at("2023-12-31T23:59:59Z");
        assertThat(failure(market.openInterest("BTCUSDT")).getMessage()).contains("it starts at 2024-01-01T00:00:00Z");
        assertThat(ok(market.openInterestHistory("BTCUSDT", Period.M5, 10))).isEmpty();
    }

    @Test
    void metricsRatiosMapToTheThreeSeriesWithSharesDerived() {
        at("2024-01-01T00:05:00Z");
        for (RatioSeries series : RatioSeries.values()) {
            List<LongShortRatio> r = ok(market.longShortRatio("BTCUSDT", series, Period.M5, 10));
            assertThat(r).hasSize(2);
            double expected = switch (series) {
                case GLOBAL_ACCOUNT -> Fixtures.global(1);
                case TOP_ACCOUNT -> Fixtures.topAccount(1);
                case TOP_POSITION -> Fixtures.topPosition(1);
            };
            LongShortRatio last = r.get(1);
            assertThat(last.longShortRatio()).as(series.name()).isEqualTo(expected, within(1e-12));
            assertThat(last.longAccount()).isEqualTo(expected / (1 + expected), within(1e-12));
            assertThat(last.shortAccount()).isEqualTo(1 / (1 + expected), within(1e-12));
            assertThat(last.longAccount() / last.shortAccount()).isEqualTo(expected, within(1e-9));
            assertThat(last.timestamp()).isEqualTo(DAY0 + 5 * MIN);
        }
        List<TakerVolumeRatio> taker = ok(market.takerBuySellRatio("BTCUSDT", Period.M5, 10));
        assertThat(taker).extracting(TakerVolumeRatio::buySellRatio).containsExactly(Fixtures.taker(0),
                Fixtures.taker(1));
        assertThat(taker.get(0).buyVol()).isNaN();
        IntelException e = failure(market.takerBuySellRatio("BTCUSDT", Period.H1, 10));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("5-minute ratios only", "use period 5m");
    }

    // ------------------------------------------------------------------ funding

    @Test
    void fundingFileFeedsHistoryAndPremiumIndex() {
        at("2024-01-01T03:00:00Z");
        List<FundingRate> h = ok(market.fundingRateHistory("BTCUSDT", 1000));
        assertThat(h).extracting(FundingRate::fundingRate).containsExactly(0.0001, 0.00025);
        assertThat(h.get(1).fundingTime()).isEqualTo(DAY0 + 10);
        assertThat(h.get(1).markPrice()).isNaN();
        assertThat(ok(market.fundingRateHistory("BTCUSDT", 1))).hasSize(1);
        PremiumIndex p = ok(market.premiumIndex("BTCUSDT"));
        assertThat(p.lastFundingRate()).as("latest settled, never the next recorded one").isEqualTo(0.00025);
        assertThat(p.nextFundingTime()).isEqualTo(t("2024-01-01T08:00:00Z"));
        assertThat(p.markPrice()).as("last 1m close stands in without mark klines").isEqualTo(close(179));
        assertThat(p.indexPrice()).isNaN();
        assertThat(p.time()).isEqualTo(clock.millis());
        at("2024-01-01T08:00:00Z"); // the 08:00 settlement carries 3 ms of jitter: not settled yet
        assertThat(ok(market.premiumIndex("BTCUSDT")).lastFundingRate()).isEqualTo(0.00025);
        assertThat(ok(market.premiumIndex("BTCUSDT")).nextFundingTime()).isEqualTo(t("2024-01-01T16:00:00Z"));
        at("2024-01-01T08:00:01Z");
        assertThat(ok(market.premiumIndex("BTCUSDT")).lastFundingRate()).isEqualTo(-0.00005);
        at("2024-01-03T01:00:00Z"); // long after the last settlement: the schedule goes on
        assertThat(ok(market.premiumIndex("BTCUSDT")).nextFundingTime()).isEqualTo(t("2024-01-03T08:00:00Z"));
        assertThat(ok(market.premiumIndexAll())).extracting(PremiumIndex::symbol).containsExactly("BTCUSDT");
        at("2023-12-01T00:00:00Z");
        assertThat(ok(market.fundingRateHistory("BTCUSDT", 10))).isEmpty();
        assertThat(ok(market.premiumIndexAll())).isEmpty();
    }

    // ------------------------------------------------------------------ depth

    @Test
    void depthSnapshotsFeedTheBookAsOfTheLatestAtOrBeforeNow() {
        at("2024-01-01T00:59:59Z");
        assertThat(failure(market.orderBook("BTCUSDT", 10)).getMessage()).contains("no order book snapshot",
                "it starts at 2024-01-01T01:00:00Z");
        at("2024-01-01T01:30:00Z");
        OrderBook b = ok(market.orderBook("BTCUSDT", 10));
        assertThat(b.lastUpdateId()).isEqualTo(11);
        assertThat(b.transactionTime()).as("time from the file name").isEqualTo(t("2024-01-01T01:00:00Z"));
        assertThat(b.bids()).hasSize(10);
        assertThat(b.bestBid()).isEqualTo(159.95, within(1e-9));
        assertThat(b.bestAsk()).isEqualTo(160.05, within(1e-9));
        assertThat(ok(market.orderBook("BTCUSDT", 100)).asks()).as("only what was recorded").hasSize(30);
        at("2024-01-01T02:00:00Z");
        OrderBook later = ok(market.orderBook("BTCUSDT", 1000));
        assertThat(later.lastUpdateId()).as("T inside the file").isEqualTo(22);
        assertThat(later.eventTime()).isEqualTo(t("2024-01-01T02:00:00.010Z"));
        assertThat(later.bids()).hasSize(1000);
        BookTicker top = ok(market.bookTicker("BTCUSDT"));
        assertThat(top.bidPrice()).isEqualTo(199.95, within(1e-9));
        assertThat(top.askQty()).isEqualTo(2.0);
        assertThat(top.time()).isEqualTo(t("2024-01-01T02:00:00Z"));
    }

    // ------------------------------------------------------------------ tickers, info

    @Test
    void tickerCoversTheClosedCandlesOfThe24HoursBeforeTheCurrentOne() {
        at("2024-01-02T10:30:00Z");
        Ticker24h t = ok(market.ticker24h("ETHUSDT"));
        // the forming hour opened at 10:00: window 2024-01-01T10:00 … 2024-01-02T09:59:59.999 = candles 10 … 33
        assertThat(t.openTime()).isEqualTo(DAY0 + 10 * HOUR);
        assertThat(t.closeTime()).isEqualTo(DAY0 + 34 * HOUR - 1);
        assertThat(t.openPrice()).isEqualTo(open(10));
        assertThat(t.lastPrice()).isEqualTo(close(33));
        assertThat(t.highPrice()).isEqualTo(high(33));
        assertThat(t.lowPrice()).isEqualTo(low(10));
        double vol = 0;
        long count = 0;
        for (int i = 10; i <= 33; i++) {
            vol += volume(i);
            count += 10 + i;
        }
        assertThat(t.volume()).isEqualTo(vol, within(1e-9));
        assertThat(t.count()).isEqualTo(count);
        assertThat(t.priceChange()).isEqualTo(close(33) - open(10));
        assertThat(t.lastQty()).isNaN();
        at("2024-03-01T00:00:00Z");
        assertThat(failure(market.ticker24h("ETHUSDT")).getMessage()).contains("in the 24 hours before");
        at("2024-01-01T03:00:00Z");
        assertThat(ok(market.tickers24h())).extracting(Ticker24h::symbol)
                .containsExactly("ADAUSDT", "BNBUSDT", "BTCUSDT", "ETHUSDT");
    }

    @Test
    void exchangeInfoListsTheFolderSymbolsWithFiltersDerivedFromTheData() {
        var info = ok(market.exchangeInfo());
        assertThat(info.symbols()).extracting(SymbolInfo::symbol)
                .containsExactly("ADAUSDT", "BNBUSDT", "BTCUSDT", "ETHUSDT", "SOLUSDT");
        SymbolInfo btc = info.symbol("BTCUSDT").orElseThrow();
        assertThat(btc.tickSize()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(btc.stepSize()).isEqualByComparingTo(new BigDecimal("0.001"));
        assertThat(btc.baseAsset()).isEqualTo("BTC");
        assertThat(btc.quoteAsset()).isEqualTo("USDT");
        assertThat(btc.minQty()).isEqualByComparingTo(btc.stepSize());
        assertThat(btc.maxPrice().doubleValue()).isGreaterThan(high(179));
        assertThat(info.rateLimits()).isEqualTo(ReplayMarket.DEFAULT_RATE_LIMITS);
        assertThat(info.serverTime()).isEqualTo(clock.millis());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void unknownSymbolIsUnknown() {
        IntelException e = failure(market.klines("DOGEUSDT", Interval.M1, 10));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
        assertThat(failure(market.leverageBrackets("DOGEUSDT")).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
        assertThat(failure(market.premiumIndex(null)).code()).isEqualTo(ErrorCode.UNKNOWN_SYMBOL);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1501, -1})
    void klineLimitsAreBinances(int limit) {
        IntelException e = failure(market.klines("BTCUSDT", Interval.M1, limit));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.details()).containsEntry("parameter", "limit");
        assertThat(e.getMessage()).contains("[1, 1500]");
    }

    @Test
    void otherLimitsAreBinancesToo() {
        assertThat(failure(market.orderBook("BTCUSDT", 7)).getMessage()).contains("parameter [limit] must be one of");
        assertThat(failure(market.openInterestHistory("BTCUSDT", Period.M5, 501)).details())
                .containsEntry("parameter", "limit");
        assertThat(failure(market.longShortRatio("BTCUSDT", RatioSeries.TOP_POSITION, Period.M5, 0)).details())
                .containsEntry("parameter", "limit");
        assertThat(failure(market.takerBuySellRatio("BTCUSDT", Period.M5, 501)).details())
                .containsEntry("parameter", "limit");
        assertThat(failure(market.fundingRateHistory("BTCUSDT", 1001)).getMessage()).contains("[1, 1000]");
        assertThat(failure(market.klines("BTCUSDT", null, 10)).details()).containsEntry("parameter", "interval");
        assertThat(failure(market.longShortRatio("BTCUSDT", null, Period.M5, 10)).details())
                .containsEntry("parameter", "series");
        assertThat(failure(market.openInterestHistory("BTCUSDT", null, 10)).details())
                .containsEntry("parameter", "period");
        // ok at the edges
        at("2024-01-02T00:00:00Z");
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 1500))).hasSize(180);
        assertThat(ok(market.klines("BTCUSDT", Interval.M1, 1))).hasSize(1);
        assertThat(ok(market.orderBook("BTCUSDT", 5)).bids()).hasSize(5);
    }

    @Test
    void missingDataKindsNameTheFilePatternToAdd() {
        String where = dir.toAbsolutePath().normalize().toString();
        assertMissing(() -> market.openInterest("ETHUSDT"), "open interest", "ETHUSDT-metrics-YYYY-MM-DD.csv", where);
        assertMissing(() -> market.openInterestHistory("ETHUSDT", Period.H1, 10), "open interest history",
                "ETHUSDT-metrics-YYYY-MM-DD.csv", where);
        assertMissing(() -> market.longShortRatio("ETHUSDT", RatioSeries.GLOBAL_ACCOUNT, Period.H1, 10),
                "long/short ratios", "ETHUSDT-metrics-YYYY-MM-DD.csv", where);
        assertMissing(() -> market.fundingRateHistory("ETHUSDT", 10), "funding rates",
                "ETHUSDT-fundingRate-YYYY-MM.csv", where);
        assertMissing(() -> market.premiumIndex("ETHUSDT"), "funding rates", "ETHUSDT-fundingRate-YYYY-MM.csv", where);
        assertMissing(() -> market.orderBook("ETHUSDT", 10), "order book snapshots", "ETHUSDT-depth-<epochMillis>.json", where);
        assertMissing(() -> market.bookTicker("ETHUSDT"), "order book snapshots", "ETHUSDT-depth-<epochMillis>.json", where);
        assertThat(failure(market.bookTicker("ETHUSDT")).getMessage()).contains("the spread is unknown");
        assertMissing(() -> market.leverageBrackets("ETHUSDT"), "leverage brackets", "leverageBracket.json", where);
    }

    private static void assertMissing(Supplier<Future<?>> call, String what, String pattern, String where) {
        IntelException e = failure(call.get());
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("replay data has no " + what + " for ETHUSDT", "add " + pattern,
                where);
        assertThat(e.details()).containsEntry("symbol", "ETHUSDT");
    }

    // ------------------------------------------------------------------ status

    @Test
    void statusListsFilesSymbolsAndTheFilesThatAreNotReplayed() {
        ok(market.preload());
        ReplayStatus s = market.status();
        assertThat(s.symbols()).containsExactly("ADAUSDT", "BNBUSDT", "BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(s.loadedSymbols()).isEqualTo(5);
        assertThat(s.filesByKind()).containsEntry("klines", 5).containsEntry("metrics", 1)
                .containsEntry("funding_rate", 1).containsEntry("depth_snapshot", 2);
        assertThat(s.unrecognised()).extracting(ReplayStatus.UnrecognisedFile::file)
                .containsExactly("BTCUSDT-aggTrades-2024-01.csv", "notes.txt");
        assertThat(s.unrecognised().get(0).reason()).contains("matches no replay file pattern");
        assertThat(s.gaps()).isEqualTo(1);
        assertThat(s.missingCandles()).isEqualTo(3);
        assertThat(s.earliest()).isEqualTo(DAY0);
        assertThat(s.latest()).isEqualTo(t("2025-01-01T00:29:00Z"));
        assertThat(s.now()).isEqualTo(DAY0);
        assertThat(s.paused()).isTrue();
        ReplayStatus.SymbolStatus btc = s.details().stream().filter(d -> d.symbol().equals("BTCUSDT")).findFirst()
                .orElseThrow();
        assertThat(btc.state()).isEqualTo("loaded");
        assertThat(btc.intervals()).containsExactly("1m");
        assertThat(btc.derivedIntervals()).containsExactly("3m", "5m", "15m", "30m", "1h", "2h");
        assertThat(btc.metricsRows()).isEqualTo(36);
        assertThat(btc.fundingRows()).isEqualTo(3);
        assertThat(btc.depthSnapshots()).isEqualTo(2);
        assertThat(btc.first()).isEqualTo(DAY0);
        assertThat(btc.last()).isEqualTo(DAY0 + 179 * MIN);
    }
}
