package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Binance USDⓈ-M BTCUSDT {@code /fapi/v1/depth?limit=1000} snapshot of 2024-08-08 23:54:16 UTC (from
 * {@code ../shared/data/binance/orderbook/}, read at test time, never copied). Walls and imbalance are checked
 * against a second, deliberately plain computation: BigDecimal arithmetic over the snapshot's price and quantity
 * strings, no shared code with the plugin.
 */
class RealSnapshotTest {

    private static final String FILE = "usdm_btcusdt_depth1000_snapshot_20240808.json";
    private static final MathContext MC = MathContext.DECIMAL128;

    /** The snapshot as strings: [price, quantity] per level, best first. */
    private static List<String[]> bidRows;
    private static List<String[]> askRows;
    private static OrderBook book;

    @BeforeAll
    static void read() throws IOException {
        String dir = System.getProperty("marketintel.shared.data");
        Path file = dir == null ? null : Path.of(dir, "orderbook", FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return;                                                  // every test is skipped with the reason
        }
        JsonNode json = TestJson.mapper().readTree(file.toFile());
        bidRows = rows(json.get("bids"));
        askRows = rows(json.get("asks"));
        book = new OrderBook("BTCUSDT", json.get("lastUpdateId").asLong(), json.get("E").asLong(),
                json.get("T").asLong(), levels(bidRows), levels(askRows));
    }

    /** Skips each test, visibly and with the reason, when the shared data is not there. */
    @BeforeEach
    void requireData() {
        Assumptions.assumeTrue(book != null, "shared Binance data missing (expected ../shared/data/binance/orderbook/"
                + FILE + " next to the checkout, system property marketintel.shared.data): skipping the real order"
                + " book checks");
    }

    private static List<String[]> rows(JsonNode side) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode level : side) {
            out.add(new String[] {level.get(0).asText(), level.get(1).asText()});
        }
        return out;
    }

    private static List<PriceLevel> levels(List<String[]> rows) {
        List<PriceLevel> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(new PriceLevel(Double.parseDouble(r[0]), Double.parseDouble(r[1])));
        }
        return out;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** Mean quantity of the first {@code n} rows, exact to 34 digits. */
    private static BigDecimal mean(List<String[]> rows, int n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            sum = sum.add(dec(rows.get(i)[1]));
        }
        return sum.divide(BigDecimal.valueOf(n), MC);
    }

    /** Prices (as plain strings, trailing zeros dropped) of the first {@code n} rows with quantity ≥ k × mean. */
    private static TreeSet<String> wallPrices(List<String[]> rows, int n, BigDecimal k) {
        BigDecimal threshold = k.multiply(mean(rows, n), MC);
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (dec(rows.get(i)[1]).compareTo(threshold) >= 0) {
                out.add(dec(rows.get(i)[0]).stripTrailingZeros().toPlainString());
            }
        }
        return out;
    }

    private static TreeSet<String> prices(List<Wall> walls) {
        TreeSet<String> out = new TreeSet<>();
        for (Wall w : walls) {
            out.add(BigDecimal.valueOf(w.price()).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    private static AnalysisResult analyze(OrderBookSettings s) {
        return Fixtures.analyzeAlone(book, s);
    }

    @Test
    void theSnapshotIsWhatTheReadmeSays() {
        assertThat(bidRows).hasSize(1000);
        assertThat(askRows).hasSize(1000);
        assertThat(book.lastUpdateId()).isEqualTo(5123107852948L);
        assertThat(bidRows.get(0)[0]).isEqualTo("61800.20");
        assertThat(askRows.get(0)[0]).isEqualTo("61800.30");
    }

    @ParameterizedTest(name = "depth {0}, multiplier {1}")
    @CsvSource({"500, 3", "1000, 3", "100, 3", "500, 5", "1000, 10"})
    void wallsMatchAPlainBigDecimalComputation(int depth, String k) {
        AnalysisResult r = analyze(OrderBookSettings.with(Map.of("depth_limit", String.valueOf(depth),
                "wall_multiplier", Double.parseDouble(k), "max_walls", 100L)));
        TreeSet<String> bids = wallPrices(bidRows, depth, dec(k));
        TreeSet<String> asks = wallPrices(askRows, depth, dec(k));
        assertThat(bids).isNotEmpty();
        assertThat(r.whaleBidCount()).isEqualTo(bids.size());
        assertThat(r.whaleAskCount()).isEqualTo(asks.size());
        assertThat(prices(r.whaleBids())).isEqualTo(bids);
        assertThat(prices(r.whaleAsks())).isEqualTo(asks);
        assertThat(r.averageBidQuantity()).isCloseTo(mean(bidRows, depth).doubleValue(), within(1e-8));
        assertThat(r.averageAskQuantity()).isCloseTo(mean(askRows, depth).doubleValue(), within(1e-8));
        // each wall's multiple is its quantity over the exact mean
        BigDecimal bidMean = mean(bidRows, depth);
        for (Wall w : r.whaleBids()) {
            assertThat(w.multiple()).isCloseTo(BigDecimal.valueOf(w.quantity()).divide(bidMean, MC).doubleValue(),
                    within(0.005));
            assertThat(w.multiple()).isGreaterThanOrEqualTo(Double.parseDouble(k) - 0.005);
        }
    }

    @Test
    void theDefaultAnalysisFindsTheKnownBigWalls() {
        AnalysisResult r = analyze(OrderBookSettings.defaults());
        // the biggest resting orders of the snapshot within 500 levels: 20.004 BTC at 61800.00 and 15.160 at 61841.00
        assertThat(r.whaleBids().get(0).price()).isEqualTo(61800.0);
        assertThat(r.whaleBids().get(0).quantity()).isEqualTo(20.004);
        assertThat(r.whaleAsks()).anySatisfy(w -> {
            assertThat(w.price()).isEqualTo(61841.0);
            assertThat(w.quantity()).isEqualTo(15.16);
        });
        assertThat(r.whaleBids()).hasSize(10);                      // max_walls
        assertThat(r.currentPrice()).isEqualTo(61800.25);
        assertThat(r.spread()).isEqualTo(0.1);
        assertThat(r.dataTime()).isEqualTo(1723161256493L);         // T, the matching-engine time
    }

    @ParameterizedTest(name = "depth {0}, band ±{1} %")
    @CsvSource({"500, 0.5", "1000, 0.5", "1000, 0.05", "1000, 0.1", "500, 0.02", "5, 0.5"})
    void imbalanceMatchesAPlainBigDecimalComputation(int depth, String band) {
        AnalysisResult r = analyze(OrderBookSettings.with(Map.of("depth_limit", String.valueOf(depth),
                "imbalance_band_pct", Double.parseDouble(band))));
        BigDecimal mid = dec(bidRows.get(0)[0]).add(dec(askRows.get(0)[0])).divide(BigDecimal.valueOf(2), MC);
        BigDecimal fraction = dec(band).movePointLeft(2);
        BigDecimal lo = mid.multiply(BigDecimal.ONE.subtract(fraction));
        BigDecimal hi = mid.multiply(BigDecimal.ONE.add(fraction));
        BigDecimal bidVol = BigDecimal.ZERO;
        BigDecimal askVol = BigDecimal.ZERO;
        int bidLevels = 0;
        int askLevels = 0;
        for (int i = 0; i < depth; i++) {
            if (dec(bidRows.get(i)[0]).compareTo(lo) >= 0) {
                bidVol = bidVol.add(dec(bidRows.get(i)[1]));
                bidLevels++;
            }
            if (dec(askRows.get(i)[0]).compareTo(hi) <= 0) {
                askVol = askVol.add(dec(askRows.get(i)[1]));
                askLevels++;
            }
        }
        BigDecimal imbalance = bidVol.subtract(askVol).multiply(BigDecimal.valueOf(100))
                .divide(bidVol.add(askVol), MC);
        assertThat(r.imbalanceBand().bidLevels()).isEqualTo(bidLevels);
        assertThat(r.imbalanceBand().askLevels()).isEqualTo(askLevels);
        assertThat(r.imbalanceBand().bidVolume()).isCloseTo(bidVol.doubleValue(), within(1e-8));
        assertThat(r.imbalanceBand().askVolume()).isCloseTo(askVol.doubleValue(), within(1e-8));
        assertThat(r.bidAskImbalance()).isCloseTo(imbalance.doubleValue(), within(0.00005 + 1e-9));   // 4 decimals
        assertThat(r.dominantSide()).isEqualTo(imbalance.abs().compareTo(BigDecimal.TEN) < 0 ? DominantSide.NEUTRAL
                : imbalance.signum() > 0 ? DominantSide.BID : DominantSide.ASK);
    }

    @Test
    void theNarrowBandIsCoveredAndTheDefaultOneIsNot() {
        // 500 levels of BTC reach only about ±0.13 %: the default ±0.5 % band is cut by the depth limit
        assertThat(analyze(OrderBookSettings.defaults()).imbalanceBand().covered()).isFalse();
        assertThat(analyze(OrderBookSettings.with(Map.of("imbalance_band_pct", 0.05))).imbalanceBand().covered()).isTrue();
    }

    @Test
    void levelsClusterAllWallsWithinTheTolerance() {
        OrderBookSettings s = OrderBookSettings.defaults();
        BookSnapshot snap = Fixtures.snapshot(book, s);
        DetectedWalls walls = DetectedWalls.detect(snap, s.wallMultiplier());
        LevelsResult r = OrderBookAnalysis.levels(snap, walls, s, 50, "replay");
        // with the default 0.02 % tolerance (about 12 USDT here) and 500 levels (about ±80 USDT) every wall finds one
        // of the 50 clusters allowed
        assertThat(r.supports().stream().mapToInt(PriceCluster::levelsMerged).sum()).isEqualTo(walls.bidCount);
        assertThat(r.resistances().stream().mapToInt(PriceCluster::levelsMerged).sum()).isEqualTo(walls.askCount);
        double tolerance = s.clusterTolerancePct() / 100 * r.currentPrice();
        for (PriceCluster c : r.supports()) {
            assertThat(c.price()).isLessThan(r.currentPrice());
            assertThat(c.nearPrice() - c.farPrice()).isBetween(0.0, tolerance + 1e-9);
            // the quantity-weighted price, recomputed from the strings of the walls in [far, near]
            BigDecimal q = BigDecimal.ZERO;
            BigDecimal pq = BigDecimal.ZERO;
            BigDecimal threshold = BigDecimal.valueOf(3).multiply(mean(bidRows, 500), MC);
            for (int i = 0; i < 500; i++) {
                BigDecimal p = dec(bidRows.get(i)[0]);
                BigDecimal qty = dec(bidRows.get(i)[1]);
                if (qty.compareTo(threshold) >= 0 && p.doubleValue() <= c.nearPrice() && p.doubleValue() >= c.farPrice()) {
                    q = q.add(qty);
                    pq = pq.add(p.multiply(qty));
                }
            }
            assertThat(c.totalQuantity()).isCloseTo(q.doubleValue(), within(1e-8));
            assertThat(c.price()).isCloseTo(pq.divide(q, MC).doubleValue(), within(1e-7));
        }
        for (PriceCluster c : r.resistances()) {
            assertThat(c.price()).isGreaterThan(r.currentPrice());
            assertThat(c.farPrice() - c.nearPrice()).isBetween(0.0, tolerance + 1e-9);
        }
    }

    /** One real output of each operation, as the REST API would answer inside {"data": …}; printed and kept. */
    @Test
    void printTheRealOutputsOfBothOperations() throws IOException {
        FakeMarketData market = Fixtures.market();
        market.orderBook(book);
        market.source("replay");                                  // a recorded snapshot, as the replay market serves it
        OrderBookPlugin plugin = new OrderBookPlugin();
        FakePluginContext ctx = Fixtures.context(plugin.descriptor(), market);
        done(plugin.start(ctx));
        AnalysisResult analysis = (AnalysisResult) done(plugin.operations().get(0).handler()
                .handle(new OperationRequest("BTCUSDT", Params.empty())));
        LevelsResult levels = (LevelsResult) done(plugin.operations().get(1).handler()
                .handle(new OperationRequest("BTCUSDT", Params.of(Map.of("num_levels", 5L)))));
        assertThat(analysis.levelsAnalyzed()).isEqualTo(1000);
        assertThat(levels.supports()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(levels.resistances()).isNotEmpty().hasSizeLessThanOrEqualTo(5);

        String a = TestJson.pretty(analysis);
        String l = TestJson.pretty(levels);
        Path out = Path.of("target", "real-output");
        Files.createDirectories(out);
        Files.writeString(out.resolve("btcusdt-analysis.json"), a);
        Files.writeString(out.resolve("btcusdt-levels.json"), l);
        System.out.println("GET /api/intelligence/orderbook/analysis/BTCUSDT on the real 2024-08-08 snapshot:\n" + a);
        System.out.println("GET /api/intelligence/orderbook/levels/BTCUSDT?num_levels=5 on the same snapshot:\n" + l);
        assertThat(TestJson.tree(analysis).get("whale_bids").get(0).get("price").asDouble()).isEqualTo(61800.0);
    }
}
