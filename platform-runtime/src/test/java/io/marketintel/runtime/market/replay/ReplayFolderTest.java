package io.marketintel.runtime.market.replay;

import static io.marketintel.runtime.market.replay.Fixtures.klineRows;
import static io.marketintel.runtime.market.replay.Fixtures.t;
import static io.marketintel.runtime.market.replay.Fixtures.withHeader;
import static io.marketintel.runtime.market.replay.ReplayTesting.failure;
import static io.marketintel.runtime.market.replay.ReplayTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.runtime.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening folders: malformed files, empty or missing folders, recorded exchange info and brackets. */
class ReplayFolderTest {

    private static final long MIN = 60_000L;
    private static final long DAY0 = t("2024-01-01T00:00:00Z");

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        ok(vertx.close());
    }

    private static ReplayClock clockAt(String iso) {
        ReplayClock c = new ReplayClock(MutableClock.at("2030-01-01T00:00:00Z"), Instant.parse(iso), 1);
        c.pause();
        return c;
    }

    @Test
    void aMalformedRowFailsItsSymbolNamingFileAndLineWhileOthersWork(@TempDir Path dir) {
        List<String> rows = new ArrayList<>(withHeader(Fixtures.KLINES_HEADER, klineRows(DAY0, MIN, 10)));
        rows.set(5, rows.get(5).replaceFirst(",104\\.00,", ",abc,")); // line 6: open of candle 4
        Fixtures.write(dir, "BTCUSDT-1m-2024-01-01.csv", rows);
        Fixtures.write(dir, "ETHUSDT-1m-2024-01-01.csv", klineRows(DAY0, MIN, 10));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-01T01:00:00Z")));
        IntelException e = failure(m.klines("BTCUSDT", Interval.M1, 10));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("replay file [BTCUSDT-1m-2024-01-01.csv] line 6: column [open] is not a "
                + "number: \"abc\"");
        // the failure is remembered, not retried on every request
        assertThat(failure(m.ticker24h("BTCUSDT")).getMessage()).isEqualTo(e.getMessage());
        assertThat(ok(m.klines("ETHUSDT", Interval.M1, 10))).hasSize(10);
        ReplayStatus.SymbolStatus btc = m.status().details().get(0);
        assertThat(btc.state()).isEqualTo("failed");
        assertThat(btc.error()).contains("line 6");
        assertThat(failure(m.preload()).getMessage()).contains("line 6");
        assertThat(failure(m.exchangeInfo()).getMessage()).contains("line 6");
    }

    @Test
    void inconsistentCandlesAndMisalignedTimesAreMalformed(@TempDir Path dir) {
        Fixtures.write(dir, "BTCUSDT-1h-2024-01.csv", List.of(
                DAY0 + ",100,99,98,100,1," + (DAY0 + 3_599_999) + ",100,1,0,0,0"));
        Fixtures.write(dir, "ETHUSDT-1h-2024-01.csv", List.of(
                (DAY0 + MIN) + ",100,101,98,100,1," + (DAY0 + MIN + 3_599_999) + ",100,1,0,0,0"));
        Fixtures.write(dir, "SOLUSDT-1h-2024-01.csv", List.of(
                DAY0 + ",100,101,98,100,1,2,3"));
        Fixtures.write(dir, "BNBUSDT-1h-2024-01.csv", List.of(
                "open,high,low,close", DAY0 + ",100,101,98,100,1," + (DAY0 + 3_599_999) + ",100,1,0,0,0"));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-02-01T00:00:00Z")));
        assertThat(failure(m.klines("BTCUSDT", Interval.H1, 10)).getMessage())
                .contains("BTCUSDT-1h-2024-01.csv] line 1: inconsistent candle");
        assertThat(failure(m.klines("ETHUSDT", Interval.H1, 10)).getMessage())
                .contains("line 1: open time " + (DAY0 + MIN) + " is not aligned to 1h");
        assertThat(failure(m.klines("SOLUSDT", Interval.H1, 10)).getMessage())
                .contains("line 1: expected 12 columns");
        assertThat(failure(m.klines("BNBUSDT", Interval.H1, 10)).getMessage())
                .contains("line 1: unexpected header [open,high,low,close]");
    }

    @Test
    void overlappingFilesKeepOneCandlePerOpenTime(@TempDir Path dir) {
        Fixtures.write(dir, "BTCUSDT-1m-2024-01.csv", klineRows(DAY0, MIN, 20));
        Fixtures.write(dir, "BTCUSDT-1m-2024-01-01.csv", klineRows(DAY0 + 10 * MIN, MIN, 20)); // 10 overlap
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-02T00:00:00Z")));
        List<Kline> k = ok(m.klines("BTCUSDT", Interval.M1, 1500));
        assertThat(k).hasSize(30);
        assertThat(k).extracting(Kline::openTime).isSorted().doesNotHaveDuplicates();
        assertThat(m.status().details().get(0).duplicateCandles()).isEqualTo(10);
    }

    @Test
    void aFolderWithoutDataOrWithoutTheFolderFailsClearly(@TempDir Path dir) {
        Fixtures.write(dir, "readme.md", "nothing here");
        IntelException empty = failure(ReplayMarket.open(vertx, dir, clockAt("2024-01-01T00:00:00Z")));
        assertThat(empty.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(empty.getMessage()).contains("holds no recognised market data (1 unrecognised files)");
        IntelException missing = failure(ReplayMarket.open(vertx, dir.resolve("nope"),
                clockAt("2024-01-01T00:00:00Z")));
        assertThat(missing.getMessage()).contains("does not exist", "replay.dir");
    }

    @Test
    void settingsWithoutAStartBeginAtTheEarliestCandle(@TempDir Path dir) {
        Fixtures.write(dir, "BTCUSDT-1m-2024-01-01.csv", klineRows(DAY0 + 5 * MIN, MIN, 10));
        Fixtures.write(dir, "BTCUSDT-fundingRate-2023-12.csv", List.of("calc_time,funding_interval_hours,"
                + "last_funding_rate", t("2023-12-31T16:00:00Z") + ",8,0.0001"));
        MutableClock real = MutableClock.at("2030-01-01T00:00:00Z");
        ReplayMarket m = ok(ReplayMarket.open(vertx, new ReplaySettings(dir, null, 60), real));
        assertThat(m.earliest()).contains(Instant.ofEpochMilli(DAY0 + 5 * MIN));
        assertThat(m.clock().millis()).as("klines decide the start, not the earlier funding").isEqualTo(DAY0 + 5 * MIN);
        assertThat(ok(m.klines("BTCUSDT", Interval.M1, 10))).isEmpty();
        real.advance(java.time.Duration.ofSeconds(3)); // 3 replayed minutes
        assertThat(ok(m.klines("BTCUSDT", Interval.M1, 10))).hasSize(3);
        ReplayMarket at = ok(ReplayMarket.open(vertx, new ReplaySettings(dir, Instant.parse("2024-01-01T00:10:00Z"),
                1), real));
        assertThat(at.clock().instant()).isEqualTo(Instant.parse("2024-01-01T00:10:00Z"));
    }

    @Test
    void concurrentFirstRequestsShareOneLoad(@TempDir Path dir) {
        Fixtures.write(dir, "BTCUSDT-1m-2024-01-01.csv", klineRows(DAY0, MIN, 1000));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-02T00:00:00Z")));
        assertThat(m.status().details().get(0).state()).isEqualTo("not_loaded");
        List<Future<List<Kline>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(m.klines("BTCUSDT", Interval.M1, 1500));
        }
        for (Future<List<Kline>> f : calls) {
            assertThat(ok(f)).hasSize(1000);
        }
        assertThat(m.status().loadedSymbols()).isEqualTo(1);
        // loaded: answers are already complete futures
        assertThat(m.klines("BTCUSDT", Interval.H1, 10).isComplete()).isTrue();
    }

    @Test
    void recordedExchangeInfoIsParsedLikeBinance(@TempDir Path dir) throws IOException {
        Path shared = ReplayTesting.shared("exchange-info");
        Files.copy(shared.resolve("nautilus_http_futures_market_exchange_info.json"),
                dir.resolve("nautilus_http_futures_market_exchange_info.json"));
        Fixtures.write(dir, "BTCUSDT-1m-2024-01-01.csv", klineRows(DAY0, MIN, 10));
        Fixtures.write(dir, "XRPUSDT-1m-2024-01-01.csv", klineRows(DAY0, MIN, 10));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-02T00:00:00Z")));
        ExchangeInfo info = ok(m.exchangeInfo());
        assertThat(info.rateLimits()).extracting(r -> r.limit()).containsExactly(6000, 1200, 300);
        assertThat(info.symbols()).extracting(SymbolInfo::symbol).as("only symbols with data")
                .containsExactly("BTCUSDT", "XRPUSDT");
        SymbolInfo btc = info.symbol("BTCUSDT").orElseThrow();
        assertThat(btc.tickSize()).isEqualByComparingTo("0.10");
        assertThat(btc.minPrice()).isEqualByComparingTo("402");
        assertThat(btc.maxPrice()).isEqualByComparingTo("1246396.60");
        assertThat(btc.stepSize()).isEqualByComparingTo("0.001");
        assertThat(btc.maxQty()).isEqualByComparingTo("1000");
        assertThat(btc.minNotional()).isEqualByComparingTo("10");
        assertThat(btc.contractType()).isEqualTo("PERPETUAL");
        assertThat(btc.pricePrecision()).isEqualTo(2);
        SymbolInfo xrp = info.symbol("XRPUSDT").orElseThrow(); // not in the file: derived
        assertThat(xrp.tickSize()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(m.status().exchangeInfo()).isEqualTo("nautilus_http_futures_market_exchange_info.json");
    }

    @Test
    void recordedLeverageBracketsAnswerPerSymbol(@TempDir Path dir) throws IOException {
        Path shared = ReplayTesting.shared("leverage-brackets");
        Files.copy(shared.resolve("derived_leverageBracket_BTC_ETH_BNB_SOL_XRP.json"),
                dir.resolve("leverageBracket.json"));
        Fixtures.write(dir, "BTCUSDT-1m-2024-01-01.csv", klineRows(DAY0, MIN, 10));
        Fixtures.write(dir, "DOGEUSDT-1m-2024-01-01.csv", klineRows(DAY0, MIN, 10));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-02T00:00:00Z")));
        List<LeverageBracket> b = ok(m.leverageBrackets("BTCUSDT"));
        assertThat(b.get(0)).isEqualTo(new LeverageBracket(1, 125, 50_000, 0, 0.004, 0));
        assertThat(b.get(1)).isEqualTo(new LeverageBracket(2, 100, 600_000, 50_000, 0.005, 50));
        assertThat(b).extracting(LeverageBracket::bracket).isSorted();
        // cum_n = cum_{n-1} + floor_n × (mmr_n − mmr_{n-1}) holds on what replay returns
        for (int i = 1; i < b.size(); i++) {
            assertThat(b.get(i).cum()).isCloseTo(b.get(i - 1).cum()
                    + b.get(i).notionalFloor() * (b.get(i).maintMarginRatio() - b.get(i - 1).maintMarginRatio()),
                    org.assertj.core.api.Assertions.within(1e-6));
        }
        IntelException e = failure(m.leverageBrackets("DOGEUSDT"));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("no leverage brackets for DOGEUSDT", "leverageBracket.json");
        assertThat(m.status().leverageBrackets()).containsExactly("leverageBracket.json");
    }

    @Test
    void aDepthSnapshotWithoutAnyTimeIsMalformed(@TempDir Path dir) {
        Fixtures.write(dir, "BTCUSDT-depth.json", Fixtures.depthJson(1, null, null, 100, 5));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-02T00:00:00Z")));
        assertThat(failure(m.orderBook("BTCUSDT", 5)).getMessage()).contains("BTCUSDT-depth.json",
                "has no time", "BTCUSDT-depth-<epochMillis>.json");
    }

    @Test
    void metricsWithEmptyCellsReadAsNaN(@TempDir Path dir) {
        Fixtures.write(dir, "BTCUSDT-metrics-2024-01-01.csv", List.of(
                "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                        + "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio",
                "2024-01-01 00:00:00,BTCUSDT,100.5,5000000,,1.5,,0.9"));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-02T00:00:00Z")));
        var r = ok(m.longShortRatio("BTCUSDT", io.marketintel.api.market.RatioSeries.GLOBAL_ACCOUNT,
                io.marketintel.api.market.Period.M5, 10));
        assertThat(r.get(0).longShortRatio()).isNaN();
        assertThat(ok(m.openInterest("BTCUSDT")).openInterest()).isEqualTo(100.5);
        assertThat(failure(m.klines("BTCUSDT", Interval.M1, 10)).getMessage()).contains("no klines for BTCUSDT",
                "BTCUSDT-INTERVAL-YYYY-MM.csv");
    }

    @Test
    void markAndIndexPriceKlinesFeedThePremiumIndexAndTheFileIntervalSetsTheSchedule(@TempDir Path dir) {
        Fixtures.write(dir, "futures/um/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01.csv", klineRows(DAY0, MIN, 60));
        Fixtures.write(dir, "futures/um/monthly/markPriceKlines/BTCUSDT/1m/BTCUSDT-1m-2024-01.csv",
                flat(klineRows(DAY0, MIN, 60), "777.50"));
        Fixtures.writeZip(dir.resolve("futures/um/monthly/indexPriceKlines"), "BTCUSDT-1m-2024-01.zip",
                flat(klineRows(DAY0, MIN, 60), "555.50"));
        Fixtures.write(dir, "futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.csv", List.of(
                "calc_time,funding_interval_hours,last_funding_rate", DAY0 + ",4,0.00030000"));
        ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clockAt("2024-01-01T00:30:30Z")));
        var p = ok(m.premiumIndex("BTCUSDT"));
        assertThat(p.markPrice()).as("close of the 00:29 mark candle").isEqualTo(777.50);
        assertThat(p.indexPrice()).isEqualTo(555.50);
        assertThat(p.lastFundingRate()).isEqualTo(0.0003);
        assertThat(p.nextFundingTime()).as("funding_interval_hours 4").isEqualTo(DAY0 + 4 * 3_600_000L);
        assertThat(ok(m.klines("BTCUSDT", Interval.M1, 1)).get(0).close()).as("trade klines stay trade klines")
                .isEqualTo(Fixtures.close(29));
        assertThat(m.status().filesByKind()).containsEntry("klines", 1).containsEntry("mark_price_klines", 1)
                .containsEntry("index_price_klines", 1).containsEntry("funding_rate", 1);
    }

    /** Rows with open = high = low = close = {@code price}. */
    private static List<String> flat(List<String> rows, String price) {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            String[] c = r.split(",");
            c[1] = price;
            c[2] = price;
            c[3] = price;
            c[4] = price;
            out.add(String.join(",", c));
        }
        return out;
    }
}
