package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.T0;
import static io.marketintel.plugin.orderbook.internal.Fixtures.analyzeAlone;
import static io.marketintel.plugin.orderbook.internal.Fixtures.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.Bias;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole analysis of small fixed books; expected values worked out by hand in the comments. */
class AnalysisTest {

    /** depth_limit 5 (the books have 5 levels a side) and a 10k USDT depth reference, the rest defaults. */
    private static final OrderBookSettings S = OrderBookSettings.with(Map.of("depth_limit", "5",
            "depth_reference_notional", 10_000.0));

    /**
     * mid (99.9 + 100.1) / 2 = 100; band ±0.5 % = [99.5, 100.5].
     * bids 99.9:1 99.8:1 99.7:1 99.6:6 99.4:1 -> mean 10 / 5 = 2, threshold 6: 99.6 is a wall at exactly 3x
     * asks 100.1:1 100.2:1 100.3:2 100.4:1 100.7:5 -> mean 2, threshold 6: the 5 at 100.7 is no wall
     */
    static OrderBook bidHeavy() {
        return book()
                .bid("99.9", 1).bid("99.8", 1).bid("99.7", 1).bid("99.6", 6).bid("99.4", 1)
                .ask("100.1", 1).ask("100.2", 1).ask("100.3", 2).ask("100.4", 1).ask("100.7", 5)
                .build(T0);
    }

    @Test
    void priceAndSpread() {
        AnalysisResult r = analyzeAlone(bidHeavy(), S);
        assertThat(r.symbol()).isEqualTo("BTCUSDT");
        assertThat(r.currentPrice()).isEqualTo(100.0);
        assertThat(r.bestBid()).isEqualTo(99.9);
        assertThat(r.bestAsk()).isEqualTo(100.1);
        assertThat(r.spread()).isEqualTo(0.2);                      // decimal-exact, not 0.19999999999999574
        assertThat(r.spreadBps()).isEqualTo(20.0);                  // 0.2 / 100 x 10 000
        assertThat(r.levelsAnalyzed()).isEqualTo(10);
        assertThat(r.depthLimit()).isEqualTo(5);
        assertThat(r.dataTime()).isEqualTo(T0);
        assertThat(r.source()).isEqualTo("fake");
    }

    @Test
    void imbalanceCountsOnlyTheBand() {
        AnalysisResult r = analyzeAlone(bidHeavy(), S);
        // bids in [99.5, ..): 1 + 1 + 1 + 6 = 9 (99.4 is out); asks in (.., 100.5]: 1 + 1 + 2 + 1 = 5 (100.7 is out)
        // (9 - 5) x 100 / 14 = 28.5714 %
        assertThat(r.bidAskImbalance()).isEqualTo(28.5714);
        assertThat(r.dominantSide()).isEqualTo(DominantSide.BID);
        ImbalanceBand band = r.imbalanceBand();
        assertThat(band.pct()).isEqualTo(0.5);
        assertThat(band.lowPrice()).isEqualTo(99.5);
        assertThat(band.highPrice()).isEqualTo(100.5);
        assertThat(band.bidVolume()).isEqualTo(9.0);
        assertThat(band.askVolume()).isEqualTo(5.0);
        assertThat(band.bidLevels()).isEqualTo(4);
        assertThat(band.askLevels()).isEqualTo(4);
        assertThat(band.bidNotional()).isEqualTo(897.0);            // 99.9 + 99.8 + 99.7 + 6 x 99.6
        assertThat(band.askNotional()).isEqualTo(501.3);            // 100.1 + 100.2 + 2 x 100.3 + 100.4
        assertThat(band.covered()).isTrue();                        // 99.4 and 100.7 lie beyond the band's edges
    }

    @Test
    void wallsAtExactlyThreeTimesTheMeanWithTheirStrength() {
        AnalysisResult r = analyzeAlone(bidHeavy(), S);
        assertThat(r.averageBidQuantity()).isEqualTo(2.0);
        assertThat(r.averageAskQuantity()).isEqualTo(2.0);
        assertThat(r.whaleBidCount()).isEqualTo(1);
        assertThat(r.whaleAskCount()).isZero();
        assertThat(r.whaleAsks()).isEmpty();
        Wall w = r.whaleBids().get(0);
        assertThat(w.price()).isEqualTo(99.6);
        assertThat(w.quantity()).isEqualTo(6.0);
        assertThat(w.notional()).isEqualTo(597.6);
        assertThat(w.distancePct()).isEqualTo(-0.4);
        assertThat(w.multiple()).isEqualTo(3.0);
        // size log10(3) / log10(30) = 0.32301, proximity 1 / (1 + 0.4 / 0.5) = 0.55556 -> 19.38 + 22.22 = 41.6
        assertThat(w.strength()).isEqualTo(42);
        assertThat(w.firstSeen()).isEqualTo(T0);
        assertThat(w.spoofSuspected()).isFalse();
    }

    @Test
    void justBelowThreeTimesTheMeanIsNoWall() {
        // 5.999 instead of 6: mean 9.999 / 5 = 1.9998, threshold 5.9994
        OrderBook b = book()
                .bid("99.9", 1).bid("99.8", 1).bid("99.7", 1).bid("99.6", 5.999).bid("99.4", 1)
                .ask("100.1", 1).ask("100.2", 1).ask("100.3", 2).ask("100.4", 1).ask("100.7", 5)
                .build(T0);
        AnalysisResult r = analyzeAlone(b, S);
        assertThat(r.whaleBids()).isEmpty();
        assertThat(r.whaleBidCount()).isZero();
        assertThat(r.reasoning()).contains("No bid wall: no level reaches 3x the average bid level (1.9998 BTC)");
    }

    @Test
    void bidDominanceAndANearBidWallMakeALongCall() {
        AnalysisResult r = analyzeAlone(bidHeavy(), S);
        // wall balance: 42 bid vs 0 ask -> 100; net 0.6 x 28.5714 + 0.4 x 100 = 57.1429 >= 10 -> LONG
        assertThat(r.wallBalance()).isEqualTo(100.0);
        assertThat(r.netPressure()).isEqualTo(57.1429);
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        // 30 + 57.14 + 10 (imbalance and walls agree) = 97.14
        assertThat(r.confidence()).isEqualTo(97);
        assertThat(r.spoofingSuspected()).isFalse();
        assertThat(r.spoofEvidence()).isEmpty();
    }

    @Test
    void depthScoreOfTheSmallBook() {
        AnalysisResult r = analyzeAlone(bidHeavy(), S);
        DepthBreakdown d = r.depth();
        // notional 897 + 501.3 = 1398.3 vs 10 000: 1 + log10(0.13983) / 3 = 0.7152
        assertThat(d.notionalInBand()).isEqualTo(1398.3);
        assertThat(d.volumeScore()).isEqualTo(0.7152);
        // 8 levels in the band of 2 x 5: 0.8
        assertThat(d.levelsInBand()).isEqualTo(8);
        assertThat(d.levelScore()).isEqualTo(0.8);
        // 20 bps: 1 / (1 + 20 / 5) = 0.2
        assertThat(d.spreadScore()).isEqualTo(0.2);
        // 0.5 x 0.7152 + 0.3 x 0.8 + 0.2 x 0.2 = 0.6376
        assertThat(r.depthScore()).isEqualTo(64);
        assertThat(d.score()).isEqualTo(64);
    }

    @Test
    void reasoningCitesTheNumbers() {
        assertThat(analyzeAlone(bidHeavy(), S).reasoning()).containsExactly(
                "Bid/ask imbalance +28.57% within ±0.5% of mid 100 (9 BTC bids vs 5 BTC asks): BID dominant (at or"
                        + " beyond +10%)",
                "Bid wall 6 BTC at 99.6 (-0.4%) is 3x the average bid level (2 BTC), strength 42, the only bid wall",
                "No ask wall: no level reaches 3x the average ask level (2 BTC)",
                "No spoofing evidence: no one-sided wall of 10x average or more beyond ±1%, and no earlier snapshot"
                        + " of BTCUSDT within 120 s to compare walls with",
                "Depth score 64/100: 1.4k USDT within the band (reference 10k USDT), 8 of 10 levels in the band,"
                        + " spread 0.2 (20 bps)",
                "Net pressure +57.14 = 0.6 x imbalance +28.57 + 0.4 x wall balance +100 (wall strength 42 bid vs 0 ask"
                        + " within ±0.5%): LONG (at or beyond +10), confidence 97 = 30 + 57.14 + 10 (imbalance and"
                        + " walls agree)");
    }

    @Test
    void theMirrorBookIsAShortCall() {
        OrderBook b = book()
                .bid("99.9", 1).bid("99.8", 2).bid("99.7", 1).bid("99.6", 1).bid("99.3", 5)
                .ask("100.1", 1).ask("100.2", 1).ask("100.3", 1).ask("100.4", 6).ask("100.6", 1)
                .build(T0);
        AnalysisResult r = analyzeAlone(b, S);
        assertThat(r.bidAskImbalance()).isEqualTo(-28.5714);       // (5 - 9) x 100 / 14
        assertThat(r.dominantSide()).isEqualTo(DominantSide.ASK);
        assertThat(r.whaleAsks()).extracting(Wall::price, Wall::distancePct, Wall::strength)
                .containsExactly(tuple(100.4, 0.4, 42));
        assertThat(r.netPressure()).isEqualTo(-57.1429);
        assertThat(r.bias()).isEqualTo(Bias.SHORT);
        assertThat(r.confidence()).isEqualTo(97);
    }

    @Test
    void aBalancedBookIsNeutral() {
        // 5 levels of 2 a side, 0.05 apart: all within the band, the same volume on both sides
        OrderBook b = book().ladder("100", "0.05", 5, 2).build(T0);
        AnalysisResult r = analyzeAlone(b, S);
        assertThat(r.bidAskImbalance()).isZero();
        assertThat(r.dominantSide()).isEqualTo(DominantSide.NEUTRAL);
        assertThat(r.whaleBids()).isEmpty();
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(r.confidence()).isEqualTo(30);                  // 30 - |0|
        assertThat(r.reasoning()).last().asString().contains("NEUTRAL (within ±10), confidence 30 = 30 - 0");
    }

    @Test
    void aNeutralReadingNearTheThresholdIsTrustedLess() {
        // bids 1.2 a level, asks 1 (5 levels each, 0.05 apart, all in the band): (6 - 5) x 100 / 11 = 9.0909
        OrderBook b = book().ladder("100", "0.05", 5, 1).bid("99.95", 1.2).bid("99.9", 1.2).bid("99.85", 1.2)
                .bid("99.8", 1.2).bid("99.75", 1.2).build(T0);
        AnalysisResult r = analyzeAlone(b, S);
        assertThat(r.bidAskImbalance()).isEqualTo(9.0909);
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        // net 0.6 x 9.0909 = 5.4545; confidence 30 - 5.45 = 24.5 -> 25 (half up)
        assertThat(r.netPressure()).isEqualTo(5.4545);
        assertThat(r.confidence()).isEqualTo(25);
    }

    @Test
    void wallsAreListedStrongestFirstAndCutToMaxWalls() {
        // 20 bid levels of 1, step 0.1, from 99.9 down; walls of 10 at 99.5, 20 at 98.5, 15 at 99.9
        OrderBook b = book().ladder("100", "0.1", 20, 1).bid("99.5", 10).bid("98.5", 20).bid("99.9", 15).build(T0);
        OrderBookSettings s = OrderBookSettings.with(Map.of("depth_limit", "20", "max_walls", 2L));
        AnalysisResult r = analyzeAlone(b, s);
        // mean (17 + 10 + 20 + 15) / 20 = 3.1, threshold 9.3: three walls
        assertThat(r.whaleBidCount()).isEqualTo(3);
        assertThat(r.whaleBids()).hasSize(2);
        // 99.9: 15 / 3.1 = 4.84x at -0.1 %: size 0.68483/1.47712 = 0.46362, prox 1/1.2 -> 27.82 + 33.33 = 61.15
        // 98.5: 20 / 3.1 = 6.45x at -1.5 %: size 0.80967/1.47712 = 0.54814, prox 1/4 -> 32.89 + 10 = 42.89
        // 99.5: 10 / 3.1 = 3.23x at -0.5 %: size 0.50864/1.47712 = 0.34434, prox 1/2 -> 20.66 + 20 = 40.66
        assertThat(r.whaleBids()).extracting(Wall::price, Wall::strength).containsExactly(tuple(99.9, 61), tuple(98.5, 43));
        assertThat(r.reasoning().get(1)).startsWith("Bid wall 15 BTC at 99.9 (-0.1%) is 4.84x the average bid level"
                + " (3.1 BTC), strength 61, the strongest of 3 bid walls");
    }

    @Test
    void aFarWallOnOneSideOnlyIsASuspectedSpoofAndCountsAQuarter() {
        // 300 levels of 1 per side, step 0.01 around 100 (book reaches 97 / 103); bid walls 30 at 98.5 (-1.5 %, far)
        // and 10 at 99.9 (near); no ask wall.
        OrderBook b = book().ladder("100", "0.01", 300, 1).bid("98.5", 30).bid("99.9", 10).build(T0);
        OrderBookSettings s = OrderBookSettings.with(Map.of("depth_limit", "500", "imbalance_band_pct", 2.0));
        AnalysisResult r = analyzeAlone(b, s);
        assertThat(r.spoofingSuspected()).isTrue();
        assertThat(r.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(SpoofReason.FAR_ONE_SIDED);
            assertThat(e.side()).isEqualTo(BookSide.BID);
            assertThat(e.price()).isEqualTo(98.5);
            assertThat(e.quantity()).isEqualTo(30.0);
            assertThat(e.distancePct()).isEqualTo(-1.5);
            assertThat(e.vanishedAt()).isNull();
            assertThat(e.detail()).isEqualTo("Bid wall 30 BTC at 98.5 (-1.5%, 26.63x average) stands beyond ±1% with no"
                    + " ask wall that far");
        });
        Wall far = r.whaleBids().stream().filter(w -> w.price() == 98.5).findFirst().orElseThrow();
        Wall near = r.whaleBids().stream().filter(w -> w.price() == 99.9).findFirst().orElseThrow();
        assertThat(far.spoofSuspected()).isTrue();
        assertThat(near.spoofSuspected()).isFalse();
        // wall balance counts the far one at a quarter: (0.25 x far + near) vs 0 asks -> still 100, but:
        double bidStrength = 0.25 * far.strength() + near.strength();
        assertThat(r.reasoning()).anyMatch(t -> t.contains("(wall strength " + OrderBookAnalysis.num(bidStrength, 2)
                + " bid vs 0 ask within ±2%)"));
        // spoofing costs 10 confidence points
        assertThat(r.reasoning()).last().asString().endsWith("- 10 (spoofing suspected)");
    }

    @Test
    void aFarOneSidedWallBelowTheSpoofMinimumIsNoEvidence() {
        // 8 at 98.5: mean (299 + 8) / 300 = 1.0233, 7.82x: a wall (>= 3x) but below spoof_min_multiple 10
        OrderBook b = book().ladder("100", "0.01", 300, 1).bid("98.5", 8).build(T0);
        AnalysisResult r = analyzeAlone(b, OrderBookSettings.with(Map.of("depth_limit", "500")));
        assertThat(r.whaleBidCount()).isEqualTo(1);
        assertThat(r.spoofingSuspected()).isFalse();
        // with the minimum lowered to 5 it is
        AnalysisResult lower = analyzeAlone(b, OrderBookSettings.with(Map.of("depth_limit", "500",
                "spoof_min_multiple", 5.0)));
        assertThat(lower.spoofEvidence()).extracting(SpoofEvidence::reason).containsExactly(SpoofReason.FAR_ONE_SIDED);
    }

    @Test
    void farWallsOnBothSidesAreNotOneSided() {
        OrderBook b = book().ladder("100", "0.01", 300, 1).bid("98.5", 30).ask("101.8", 25).build(T0);
        AnalysisResult r = analyzeAlone(b, OrderBookSettings.with(Map.of("depth_limit", "500")));
        assertThat(r.whaleBidCount()).isEqualTo(1);
        assertThat(r.whaleAskCount()).isEqualTo(1);
        assertThat(r.spoofingSuspected()).isFalse();
        assertThat(r.whaleBids().get(0).spoofSuspected()).isFalse();
    }

    @Test
    void aBookShallowerThanTheBandSaysSo() {
        // 5 levels a side 0.1 apart reach 99.5 / 100.5; a 1 % band is [99, 101]
        OrderBook b = book().ladder("100", "0.1", 5, 1).build(T0);
        AnalysisResult r = analyzeAlone(b, OrderBookSettings.with(Map.of("depth_limit", "5", "imbalance_band_pct", 1.0)));
        assertThat(r.imbalanceBand().covered()).isFalse();
        assertThat(r.reasoning()).contains("The 5 levels per side reach only 99.5 (-0.5%) and 100.5 (+0.5%), inside the"
                + " ±1% band: imbalance and depth cover the fetched levels only");
        // a side with fewer levels than the limit is complete: covered
        AnalysisResult complete = analyzeAlone(b, OrderBookSettings.with(Map.of("depth_limit", "10",
                "imbalance_band_pct", 1.0)));
        assertThat(complete.imbalanceBand().covered()).isTrue();
    }

    @Test
    void onlyDepthLimitLevelsAreAnalysed() {
        // 10 levels a side, limit 5: the heavy 6th bid level is not seen
        OrderBook b = book().ladder("100", "0.1", 10, 1).bid("99.4", 100).build(T0);
        AnalysisResult r = analyzeAlone(b, S);
        assertThat(r.levelsAnalyzed()).isEqualTo(10);
        assertThat(r.whaleBidCount()).isZero();
        assertThat(r.averageBidQuantity()).isEqualTo(1.0);
    }

    @Test
    void invalidLevelsAreSkipped() {
        OrderBook b = new OrderBook("BTCUSDT", 7, T0, T0, List.of(new PriceLevel(99.9, 1), new PriceLevel(99.8, 0),
                new PriceLevel(99.7, Double.NaN), new PriceLevel(99.6, 1)), List.of(new PriceLevel(100.1, 1)));
        AnalysisResult r = analyzeAlone(b, S);
        assertThat(r.levelsAnalyzed()).isEqualTo(3);
        assertThat(r.averageBidQuantity()).isEqualTo(1.0);
    }

    @Test
    void anEmptyOrCrossedBookIsAnUpstreamError() {
        OrderBook noAsks = new OrderBook("BTCUSDT", 1, T0, T0, List.of(new PriceLevel(99.9, 1)), List.of());
        assertThatThrownBy(() -> analyzeAlone(noAsks, S)).isInstanceOfSatisfying(IntelException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
            assertThat(e.getMessage()).contains("BTCUSDT").contains("no asks");
        });
        OrderBook crossed = new OrderBook("BTCUSDT", 1, T0, T0, List.of(new PriceLevel(100.2, 1)),
                List.of(new PriceLevel(100.1, 1)));
        assertThatThrownBy(() -> analyzeAlone(crossed, S)).isInstanceOfSatisfying(IntelException.class,
                e -> assertThat(e.getMessage()).contains("crossed"));
    }

    @Test
    void dataTimeFallsBackToTheEventTimeThenTheClock() {
        OrderBook b = new OrderBook("BTCUSDT", 1, T0 + 5, 0, List.of(new PriceLevel(99.9, 1)),
                List.of(new PriceLevel(100.1, 1)));
        assertThat(BookSnapshot.of(b, 5, 42).time).isEqualTo(T0 + 5);
        OrderBook none = new OrderBook("BTCUSDT", 1, 0, 0, b.bids(), b.asks());
        assertThat(BookSnapshot.of(none, 5, 42).time).isEqualTo(42);
        assertThat(analyzeAlone(bidHeavy(), S).currentPrice()).isCloseTo(100, within(0.0));
    }
}
