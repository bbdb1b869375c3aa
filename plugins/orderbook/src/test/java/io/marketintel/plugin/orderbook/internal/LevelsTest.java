package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.T0;
import static io.marketintel.plugin.orderbook.internal.Fixtures.book;
import static io.marketintel.plugin.orderbook.internal.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.market.OrderBook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Support and resistance from clustered walls; expected values worked out by hand in the comments. */
class LevelsTest {

    /** wall_multiplier 1.5 and cluster tolerance 0.05 % (= 0.05 at mid 100). */
    private static final OrderBookSettings S = OrderBookSettings.with(Map.of("depth_limit", "20",
            "wall_multiplier", 1.5, "cluster_tolerance_pct", 0.05));

    /**
     * mid (99.99 + 100.01) / 2 = 100.
     * bids: eight levels of 1 plus 8 @ 99.95, 4 @ 99.93, 6 @ 99.80, 5 @ 99.60, 5 @ 99.58, 5 @ 99.54
     *       -> 41 over 14 levels, mean 2.92857, threshold 1.5 x = 4.39286: walls 99.95, 99.80, 99.60, 99.58, 99.54
     *       (the 4 at 99.93 is below it)
     * asks: 1 @ 100.01, 100.02, 100.03, 100.40 plus 9 @ 100.10 and 6 @ 100.14
     *       -> 19 over 6, mean 3.16667, threshold 4.75: walls 100.10 and 100.14
     */
    static OrderBook book1() {
        return book()
                .bid("99.99", 1).bid("99.98", 1).bid("99.97", 1).bid("99.96", 1).bid("99.95", 8).bid("99.94", 1)
                .bid("99.93", 4).bid("99.90", 1).bid("99.80", 6).bid("99.70", 1).bid("99.60", 5).bid("99.58", 5)
                .bid("99.54", 5).bid("99.00", 1)
                .ask("100.01", 1).ask("100.02", 1).ask("100.03", 1).ask("100.10", 9).ask("100.14", 6).ask("100.40", 1)
                .build(T0);
    }

    private static LevelsResult levels(OrderBook b, OrderBookSettings s, int n) {
        BookSnapshot snap = snapshot(b, s);
        return OrderBookAnalysis.levels(snap, DetectedWalls.detect(snap, s.wallMultiplier()), s, n, "fake");
    }

    @Test
    void supportsAreClustersOfBidWallsNearestFirst() {
        LevelsResult r = levels(book1(), S, 5);
        assertThat(r.currentPrice()).isEqualTo(100.0);
        assertThat(r.supports()).extracting(PriceCluster::price, PriceCluster::totalQuantity, PriceCluster::distancePct,
                        PriceCluster::levelsMerged, PriceCluster::nearPrice, PriceCluster::farPrice)
                .containsExactly(
                        // 99.95 alone: 99.80 is 0.15 away from it, more than 0.05
                        tuple(99.95, 8.0, -0.05, 1, 99.95, 99.95),
                        tuple(99.8, 6.0, -0.2, 1, 99.8, 99.8),
                        // 99.58 is 0.02 from the anchor 99.60: (99.60 x 5 + 99.58 x 5) / 10 = 99.59
                        tuple(99.59, 10.0, -0.41, 2, 99.6, 99.58),
                        // 99.54 is 0.06 from the anchor 99.60 (only 0.04 from 99.58, but clusters do not chain)
                        tuple(99.54, 5.0, -0.46, 1, 99.54, 99.54));
        // strength = round(100 (0.6 min(1, log10(m) / log10 30) + 0.4 / (1 + |d| / 0.5))), m = qty / 2.92857:
        //   8 -> 2.7317x at 0.05: 0.6 x 0.29546 + 0.4 x 0.90909 = 54.09
        //   6 -> 2.0488x at 0.20: 0.6 x 0.21088 + 0.4 x 0.71429 = 41.22
        //  10 -> 3.4146x at 0.41: 0.6 x 0.36107 + 0.4 x 0.54945 = 43.64
        //   5 -> 1.7073x at 0.46: 0.6 x 0.15727 + 0.4 x 0.52083 = 30.27
        assertThat(r.supports()).extracting(PriceCluster::strength).containsExactly(54, 41, 44, 30);
        assertThat(r.supports().get(2).notional()).isEqualTo(995.9);   // 498 + 497.9
    }

    @Test
    void resistancesAreClustersOfAskWalls() {
        LevelsResult r = levels(book1(), S, 5);
        // 100.14 is 0.04 from the anchor 100.10: (100.10 x 9 + 100.14 x 6) / 15 = 1501.74 / 15 = 100.116
        assertThat(r.resistances()).singleElement().satisfies(c -> {
            assertThat(c.price()).isEqualTo(100.116);
            assertThat(c.totalQuantity()).isEqualTo(15.0);
            assertThat(c.distancePct()).isEqualTo(0.116);
            assertThat(c.levelsMerged()).isEqualTo(2);
            assertThat(c.nearPrice()).isEqualTo(100.1);
            assertThat(c.farPrice()).isEqualTo(100.14);
            // 15 / 3.16667 = 4.7368x at 0.116: 0.6 x 0.45730 + 0.4 x 0.81169 = 59.91
            assertThat(c.strength()).isEqualTo(60);
        });
    }

    @Test
    void numLevelsKeepsTheNearest() {
        LevelsResult r = levels(book1(), S, 2);
        assertThat(r.supports()).extracting(PriceCluster::price).containsExactly(99.95, 99.8);
        assertThat(r.resistances()).hasSize(1);
        assertThat(r.numLevels()).isEqualTo(2);
        assertThat(r.clusterTolerancePct()).isEqualTo(0.05);
        assertThat(r.wallMultiplier()).isEqualTo(1.5);
        assertThat(r.levelsAnalyzed()).isEqualTo(20);
        assertThat(r.dataTime()).isEqualTo(T0);
    }

    @Test
    void aWiderToleranceMergesMore() {
        OrderBookSettings wide = OrderBookSettings.with(Map.of("depth_limit", "20", "wall_multiplier", 1.5,
                "cluster_tolerance_pct", 0.2));
        LevelsResult r = levels(book1(), wide, 5);
        // anchor 99.95 takes 99.80 (0.15); 99.60 (0.35) opens the next, which takes 99.58 and 99.54 (0.06)
        // (99.95 x 8 + 99.80 x 6) / 14 = 99.885714..; (99.60 + 99.58 + 99.54) x 5 / 15 = 99.573333..
        assertThat(r.supports()).extracting(PriceCluster::price, PriceCluster::totalQuantity, PriceCluster::levelsMerged)
                .containsExactly(tuple(99.88571429, 14.0, 2), tuple(99.57333333, 15.0, 3));
        // 14 / 2.92857 = 4.7805x at 0.1143: 0.6 x 0.46000 + 0.4 x 0.81395 = 60.16
        // 15 / 2.92857 = 5.1220x at 0.4267: 0.6 x 0.48028 + 0.4 x 0.53957 = 50.40
        assertThat(r.supports()).extracting(PriceCluster::strength).containsExactly(60, 50);
    }

    @Test
    void noWallsNoLevels() {
        LevelsResult r = levels(book().ladder("100", "0.1", 10, 1).build(T0), S, 5);
        assertThat(r.supports()).isEmpty();
        assertThat(r.resistances()).isEmpty();
    }

    @Test
    void supportsAreBelowAndResistancesAboveMid() {
        LevelsResult r = levels(book1(), S, 50);
        List<PriceCluster> s = r.supports();
        assertThat(s).allMatch(c -> c.price() < r.currentPrice() && c.distancePct() < 0);
        assertThat(r.resistances()).allMatch(c -> c.price() > r.currentPrice() && c.distancePct() > 0);
        for (int i = 1; i < s.size(); i++) {
            assertThat(Math.abs(s.get(i).distancePct())).isGreaterThan(Math.abs(s.get(i - 1).distancePct()));
        }
    }
}
