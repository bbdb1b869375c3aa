package io.marketintel.runtime.market.replay;

import static io.marketintel.runtime.market.replay.Fixtures.t;
import static io.marketintel.runtime.market.replay.ReplayTesting.failure;
import static io.marketintel.runtime.market.replay.ReplayTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.runtime.MutableClock;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay of the project's real Binance data in {@code ../shared/data/binance} (read in place, never copied):
 * the spot hourly files, freqtrade's XRPUSDT futures files, the metrics sample and the depth snapshots.
 * Skips with a reason when the folder is missing.
 */
class SharedDataReplayTest {

    private static final long HOUR = 3_600_000L;
    private static final List<String> SPOT = List.of("BNBUSDT", "BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT");

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        ok(vertx.close());
    }

    private static ReplayMarket open(Path dir, String iso) {
        ReplayClock clock = new ReplayClock(MutableClock.at("2030-01-01T00:00:00Z"), Instant.parse(iso), 1);
        clock.pause();
        return ok(ReplayMarket.open(vertx, dir, clock));
    }

    // ------------------------------------------------------------------ spot hourly

    @Test
    void spotKlinesNeverShowTheFutureAndOneHourRevealsExactlyOneCandle() {
        ReplayMarket m = open(ReplayTesting.shared("klines-spot-1h"), "2021-04-04T00:00:00Z");
        Random random = new Random(7);
        long from = t("2021-04-10T00:00:00Z");
        long to = t("2023-12-20T00:00:00Z");
        for (int n = 0; n < 200; n++) {
            long now = from + (long) (random.nextDouble() * (to - from));
            m.clock().seek(Instant.ofEpochMilli(now));
            String symbol = SPOT.get(n % SPOT.size());
            List<Kline> before = ok(m.klines(symbol, Interval.H1, 1500));
            Kline last = before.get(before.size() - 1);
            assertThat(last.closeTime()).as("closed before now at " + Instant.ofEpochMilli(now)).isLessThan(now);
            assertThat(last.isClosedAt(now)).isTrue();
            long lastPossible = Interval.H1.openTimeOf(now) - HOUR;
            m.clock().advance(Duration.ofHours(1));
            List<Kline> after = ok(m.klines(symbol, Interval.H1, 1500));
            Kline next = after.get(after.size() - 1);
            if (last.openTime() == lastPossible && next.openTime() == lastPossible + HOUR) {
                // outside the outages: exactly the next hour appears, nothing else changes
                assertThat(after.subList(0, after.size() - 1))
                        .isEqualTo(before.size() == 1500 ? before.subList(1, 1500) : before);
            }
            assertThat(next.closeTime()).isLessThan(m.clock().millis());
            List<Kline> range = ok(m.klines(symbol, Interval.H1, now - 48 * HOUR, now + 48 * HOUR, 1500));
            assertThat(range.get(range.size() - 1).closeTime()).isLessThan(m.clock().millis());
        }
        // hour by hour across a precise instant
        m.clock().seek(Instant.parse("2022-06-15T12:34:56Z"));
        List<Kline> k = ok(m.klines("BTCUSDT", Interval.H1, 3));
        assertThat(k.get(2).openTime()).isEqualTo(t("2022-06-15T11:00:00Z"));
        m.clock().advance(Duration.ofHours(1));
        List<Kline> k2 = ok(m.klines("BTCUSDT", Interval.H1, 3));
        assertThat(k2.get(2).openTime()).isEqualTo(t("2022-06-15T12:00:00Z"));
        assertThat(k2.subList(0, 2)).isEqualTo(k.subList(1, 3));
        int count = ok(m.klines("BTCUSDT", Interval.H1, t("2022-06-15T00:00:00Z"), Long.MAX_VALUE, 1500)).size();
        assertThat(count).isEqualTo(13);
    }

    @Test
    void theFiveSharedOutagesAreFoundExactly() {
        ReplayMarket m = open(ReplayTesting.shared("klines-spot-1h"), "2021-04-04T00:00:00Z");
        List<ReplayGap> expected = List.of(
                gap("2021-04-20T02:00:00Z", "2021-04-20T04:00:00Z", 2),
                gap("2021-04-25T05:00:00Z", "2021-04-25T08:00:00Z", 3),
                gap("2021-08-13T02:00:00Z", "2021-08-13T06:00:00Z", 4),
                gap("2021-09-29T07:00:00Z", "2021-09-29T09:00:00Z", 2),
                gap("2023-03-24T13:00:00Z", "2023-03-24T14:00:00Z", 1));
        for (String symbol : SPOT) {
            assertThat(ok(m.gaps(symbol, Interval.H1))).as(symbol).isEqualTo(expected);
            // every outage day is a missing daily candle: days are never made of 20 hours
            assertThat(ok(m.gaps(symbol, Interval.D1))).as(symbol).containsExactly(
                    gap("2021-04-20T00:00:00Z", "2021-04-21T00:00:00Z", 1),
                    gap("2021-04-25T00:00:00Z", "2021-04-26T00:00:00Z", 1),
                    gap("2021-08-13T00:00:00Z", "2021-08-14T00:00:00Z", 1),
                    gap("2021-09-29T00:00:00Z", "2021-09-30T00:00:00Z", 1),
                    gap("2023-03-24T00:00:00Z", "2023-03-25T00:00:00Z", 1));
        }
        // during the outage replay shows nothing new, as Binance did
        m.clock().seek(Instant.parse("2021-08-13T02:00:00Z"));
        Kline lastBefore = last(ok(m.klines("BTCUSDT", Interval.H1, 1)));
        assertThat(lastBefore.openTime()).isEqualTo(t("2021-08-13T01:00:00Z"));
        m.clock().seek(Instant.parse("2021-08-13T06:59:59Z"));
        assertThat(last(ok(m.klines("BTCUSDT", Interval.H1, 1)))).isEqualTo(lastBefore);
        m.clock().seek(Instant.parse("2021-08-13T07:00:00Z"));
        assertThat(last(ok(m.klines("BTCUSDT", Interval.H1, 1))).openTime()).isEqualTo(t("2021-08-13T06:00:00Z"));
        ReplayStatus s = m.status();
        assertThat(s.gaps()).isEqualTo(25);
        assertThat(s.missingCandles()).isEqualTo(5 * 12);
        assertThat(s.filesByKind()).containsEntry("klines", 5);
        assertThat(s.unrecognised()).isEmpty();
        assertThat(s.earliest()).isEqualTo(t("2021-04-04T20:00:00Z"));
    }

    @Test
    void hoursAggregateExactlyIntoFourHoursAndDays() throws IOException {
        Path dir = ReplayTesting.shared("klines-spot-1h");
        ReplayMarket m = open(dir, "2024-01-01T00:00:00Z");
        for (String symbol : List.of("BTCUSDT", "XRPUSDT")) {
            TreeMap<Long, double[]> hours = readSpotIndependently(dir.resolve("spot_" + symbol + "_1h.csv"));
            for (Interval target : List.of(Interval.H4, Interval.D1, Interval.W1)) {
                Map<Long, double[]> expected = aggregateIndependently(hours, target);
                List<Kline> actual = allKlines(m, symbol, target);
                assertThat(actual).as(symbol + " " + target.code()).hasSize(expected.size());
                for (Kline k : actual) {
                    double[] e = expected.get(k.openTime());
                    assertThat(e).as("bucket " + Instant.ofEpochMilli(k.openTime())).isNotNull();
                    assertThat(k.open()).isEqualTo(e[0]);
                    assertThat(k.high()).isEqualTo(e[1]);
                    assertThat(k.low()).isEqualTo(e[2]);
                    assertThat(k.close()).isEqualTo(e[3]);
                    assertThat(k.volume()).isCloseTo(e[4], within(Math.abs(e[4]) * 1e-12));
                    assertThat(k.closeTime()).isEqualTo(k.openTime() + target.millis() - 1);
                    assertThat(k.quoteVolume()).as("not in the spot files").isNaN();
                    assertThat(k.trades()).isZero();
                }
            }
        }
        // weekly candles open on Mondays
        for (Kline w : allKlines(m, "BTCUSDT", Interval.W1)) {
            assertThat(Instant.ofEpochMilli(w.openTime()).atZone(ZoneOffset.UTC).getDayOfWeek())
                    .isEqualTo(java.time.DayOfWeek.MONDAY);
        }
    }

    @Test
    void loadTimeAndMemoryOfTheSpotFolder() {
        Path dir = ReplayTesting.shared("klines-spot-1h");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap0 = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        ReplayMarket m = open(dir, "2023-12-31T00:00:00Z");
        long t1 = System.nanoTime();
        ok(m.preload());
        long t2 = System.nanoTime();
        System.gc();
        long heap1 = rt.totalMemory() - rt.freeMemory();
        long t3 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            m.klines(SPOT.get(i % 5), Interval.H4, 500);
        }
        long t4 = System.nanoTime();
        System.out.printf("replay of %s: open (walk + first rows) %.1f ms, load of 5 symbols × ~24k rows "
                        + "(+ aggregates) %.1f ms, heap +%.1f MB, klines(4h, 500) %.1f µs per call%n", dir,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (heap1 - heap0) / 1e6, (t4 - t3) / 1e3 / 10_000);
        for (ReplayStatus.SymbolStatus s : m.status().details()) {
            System.out.printf("  %s: %s, stored %s, derived %s, load %.1f ms%n", s.symbol(), s.state(), s.intervals(),
                    s.derivedIntervals(), s.loadMillis());
        }
        assertThat(m.status().loadedSymbols()).isEqualTo(5);
    }

    // ------------------------------------------------------------------ freqtrade futures

    @Test
    void freqtradeFuturesFilesFeedKlinesMarkAndFunding() {
        ReplayMarket m = open(ReplayTesting.shared("futures-xrp"), "2021-11-21T12:34:00Z");
        assertThat(m.symbols()).containsExactly("XRPUSDT");
        List<Kline> m5 = ok(m.klines("XRPUSDT", Interval.M5, 1500));
        assertThat(last(m5).openTime()).isEqualTo(t("2021-11-21T12:25:00Z"));
        assertThat(last(m5).closeTime()).isEqualTo(t("2021-11-21T12:29:59.999Z"));
        assertThat(m5.get(0).takerBuyBaseVolume()).isNaN();
        // 1h has its own file (which ends 2021-11-21 04:00): it is used, not the 5m aggregate
        List<Kline> h1 = ok(m.klines("XRPUSDT", Interval.H1, 1500));
        assertThat(h1).hasSize(100);
        assertThat(h1.get(0).open()).isEqualTo(1.0801);
        // 15m from 5m, 4h from the stored 1h (the longest interval that divides it)
        List<Kline> m15 = ok(m.klines("XRPUSDT", Interval.M15, 3));
        List<Kline> m5tail = m5.subList(m5.size() - 9, m5.size());
        for (int b = 0; b < 3; b++) {
            List<Kline> part = m5tail.subList(b * 3, b * 3 + 3);
            assertThat(m15.get(b).open()).isEqualTo(part.get(0).open());
            assertThat(m15.get(b).close()).isEqualTo(part.get(2).close());
            assertThat(m15.get(b).high()).isEqualTo(Math.max(part.get(0).high(), Math.max(part.get(1).high(),
                    part.get(2).high())));
        }
        ReplayStatus.SymbolStatus s = m.status().details().get(0);
        assertThat(s.intervals()).containsExactly("5m", "1h");
        assertThat(s.fundingRows()).isEqualTo(91);
        assertThat(m.status().filesByKind()).containsEntry("klines", 2).containsEntry("mark_price_klines", 1)
                .containsEntry("funding_rate", 1);

        // funding: real times carry ms of jitter; the 8h interval is inferred from the spacing
        m.clock().seek(Instant.parse("2021-11-20T09:00:00Z"));
        List<FundingRate> f = ok(m.fundingRateHistory("XRPUSDT", 1000));
        assertThat(last(f).fundingTime()).isEqualTo(t("2021-11-20T08:00:00Z") + (last(f).fundingTime() % 1000));
        assertThat(f).allMatch(r -> r.fundingTime() <= m.clock().millis());
        PremiumIndex p = ok(m.premiumIndex("XRPUSDT"));
        assertThat(p.lastFundingRate()).isEqualTo(last(f).fundingRate());
        assertThat(p.nextFundingTime()).isEqualTo(t("2021-11-20T16:00:00Z"));
        // the mark price is the close of the last closed 8h mark candle (00:00 … 07:59:59.999)
        assertThat(p.markPrice()).isEqualTo(markClose(t("2021-11-20T00:00:00Z")));
        m.clock().seek(Instant.parse("2021-12-31T00:00:00Z"));
        assertThat(ok(m.fundingRateHistory("XRPUSDT", 1000))).hasSize(91);
    }

    private static double markClose(long openTime) {
        try {
            String json = Files.readString(ReplayTesting.shared("futures-xrp").resolve("XRP_USDT-8h-mark.json"));
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("\\[(\\d+),([-0-9.eE]+),([-0-9.eE]+),"
                    + "([-0-9.eE]+),([-0-9.eE]+),").matcher(json);
            while (r.find()) {
                if (Long.parseLong(r.group(1)) == openTime) {
                    return Double.parseDouble(r.group(5));
                }
            }
            throw new AssertionError("no mark candle at " + openTime);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ metrics and depth samples

    @Test
    void theMetricsSampleFeedsOpenInterestAndRatios(@TempDir Path dir) throws IOException {
        // the sample carries "-sample" in its name; replay recognises the published name only
        Files.copy(ReplayTesting.shared("metrics").resolve("HYPEUSDT-metrics-sample-2025-05-30.csv"),
                dir.resolve("HYPEUSDT-metrics-2025-05-30.csv"));
        ReplayMarket m = open(dir, "2025-05-30T10:42:00Z");
        var oi = ok(m.openInterest("HYPEUSDT"));
        assertThat(oi.time()).isEqualTo(t("2025-05-30T10:40:00Z"));
        assertThat(oi.openInterest()).isEqualTo(22069.32);
        List<LongShortRatio> global = ok(m.longShortRatio("HYPEUSDT", RatioSeries.GLOBAL_ACCOUNT, Period.M5, 500));
        assertThat(global).extracting(LongShortRatio::longShortRatio).containsExactly(0.61231884, 0.67241379,
                0.63967611);
        assertThat(last(global).longAccount() + last(global).shortAccount()).isCloseTo(1, within(1e-12));
        assertThat(last(ok(m.longShortRatio("HYPEUSDT", RatioSeries.TOP_POSITION, Period.M5, 1))).longShortRatio())
                .isEqualTo(0.87199);
        assertThat(last(ok(m.longShortRatio("HYPEUSDT", RatioSeries.TOP_ACCOUNT, Period.M5, 1))).longShortRatio())
                .isEqualTo(0.67261905);
        assertThat(last(ok(m.takerBuySellRatio("HYPEUSDT", Period.M5, 1))).buySellRatio()).isEqualTo(1.002054);
        assertThat(failure(m.klines("HYPEUSDT", Interval.M5, 10)).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void theRecordedDepthSnapshotsAreBooksAndTheFeedsAreReportedNotReplayed() {
        ReplayMarket m = open(ReplayTesting.shared("orderbook"), "2024-08-09T00:00:00Z");
        assertThat(m.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        OrderBook b = ok(m.orderBook("BTCUSDT", 1000));
        assertThat(b.lastUpdateId()).isEqualTo(5123107852948L);
        assertThat(b.transactionTime()).isEqualTo(1723161256493L);
        assertThat(b.bids()).hasSize(1000);
        assertThat(b.asks()).hasSize(1000);
        assertThat(b.bestBid()).isEqualTo(61800.20);
        assertThat(b.bestAsk()).isGreaterThan(b.bestBid());
        assertThat(ok(m.orderBook("ETHUSDT", 5)).lastUpdateId()).isEqualTo(5123107856276L);
        assertThat(m.status().unrecognised()).extracting(ReplayStatus.UnrecognisedFile::file)
                .containsExactly("usdm_btcusdt_20240808_feed.gz", "usdm_ethusdt_20240808_feed.gz");
        m.clock().seek(Instant.parse("2024-08-08T23:00:00Z"));
        assertThat(failure(m.orderBook("BTCUSDT", 5)).getMessage()).contains("starts at 2024-08-08T23:54:16.493Z");
    }

    // ------------------------------------------------------------------ independent computation

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static ReplayGap gap(String from, String to, long n) {
        return new ReplayGap(t(from), t(to), n);
    }

    /** Every candle of an interval, by pages of 1500 with the range form, at a time after the data. */
    private static List<Kline> allKlines(ReplayMarket m, String symbol, Interval interval) {
        List<Kline> out = new ArrayList<>();
        long start = 0;
        while (true) {
            List<Kline> page = ok(m.klines(symbol, interval, start, Long.MAX_VALUE - 1, 1500));
            out.addAll(page);
            if (page.size() < 1500) {
                return out;
            }
            start = last(page).openTime() + 1;
        }
    }

    /** open time → {open, high, low, close, volume}, straight from the CSV text. */
    private static TreeMap<Long, double[]> readSpotIndependently(Path file) throws IOException {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        TreeMap<Long, double[]> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            long t = LocalDateTime.parse(c[0], f).toInstant(ZoneOffset.UTC).toEpochMilli();
            out.put(t, new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                    Double.parseDouble(c[4]), Double.parseDouble(c[5])});
        }
        return out;
    }

    /** Buckets with all their hours, aggregated by hand. */
    private static Map<Long, double[]> aggregateIndependently(TreeMap<Long, double[]> hours, Interval target) {
        Map<Long, double[]> out = new TreeMap<>();
        int need = (int) (target.millis() / HOUR);
        long first = target.openTimeOf(hours.firstKey());
        for (long b = first; b <= hours.lastKey(); b += target.millis()) {
            double[] agg = null;
            boolean complete = true;
            for (int h = 0; h < need && complete; h++) {
                double[] c = hours.get(b + h * HOUR);
                if (c == null) {
                    complete = false;
                } else if (agg == null) {
                    agg = c.clone();
                } else {
                    agg[1] = Math.max(agg[1], c[1]);
                    agg[2] = Math.min(agg[2], c[2]);
                    agg[3] = c[3];
                    agg[4] += c[4];
                }
            }
            if (complete) {
                out.put(b, agg);
            }
        }
        return out;
    }
}
