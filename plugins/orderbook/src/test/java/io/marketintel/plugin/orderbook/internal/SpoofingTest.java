package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.T0;
import static io.marketintel.plugin.orderbook.internal.Fixtures.book;
import static io.marketintel.plugin.orderbook.internal.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.OrderBook;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spoofing suspicion across successive snapshots of one symbol. The base book: 250 levels of 1 a side, 0.01 apart
 * around a mid (around 100: bids 99.99 … 97.50, asks 100.01 … 102.50), depth limit 500, spoof distance 1 %.
 * A book "at 100.80" is the same ladder around 100.80: the price moved, every level of 1 moved with it.
 *
 * <p>The spoof pattern ({@code VANISHED}): a wall that had stood for at least two snapshots is pulled while the price
 * comes at least half-way toward it, without reaching it. Ordinary churn is not: a wall seen once, a wall pulled
 * while the price stands still or moves away, a wall the price reached or traded through.
 */
class SpoofingTest {

    private static final long S10 = 10_000;
    private static final OrderBookSettings S = OrderBookSettings.with(Map.of("depth_limit", "500"));
    private static final OrderBookAnalysis.Units UNITS = new OrderBookAnalysis.Units("BTC", "USDT");

    private final WallTracker tracker = new WallTracker();

    /** The ladder around {@code mid}. */
    private static Fixtures.Book at(String mid) {
        return book().ladder(mid, "0.01", 250, 1);
    }

    private static Fixtures.Book base() {
        return at("100");
    }

    private static OrderBookSettings with(String key, Object value) {
        return OrderBookSettings.with(Map.of("depth_limit", "500", key, value));
    }

    private static AnalysisResult observe(WallTracker t, OrderBook b, OrderBookSettings s) {
        BookSnapshot snap = snapshot(b, s);
        DetectedWalls walls = DetectedWalls.detect(snap, s.wallMultiplier());
        WallTracker.Observation obs = t.observe(snap, walls, s.historySize(), s.historyMaxAge().toMillis());
        return OrderBookAnalysis.analyze(snap, walls, obs, s, UNITS, "fake");
    }

    private AnalysisResult observe(OrderBook b, OrderBookSettings s) {
        return observe(tracker, b, s);
    }

    private AnalysisResult observe(OrderBook b) {
        return observe(b, S);
    }

    /** A 15 BTC ask wall at 100.20 (+0.2 %, 14.2x the mean) in the books at T0 and T0 + 10 s: it stood two snapshots. */
    private void askWallStoodTwoSnapshots(OrderBookSettings s) {
        assertThat(observe(base().ask("100.20", 15).build(T0), s).spoofingSuspected()).isFalse();
        assertThat(observe(base().ask("100.20", 15).build(T0 + S10), s).spoofingSuspected()).isFalse();
    }

    // ---------------------------------------------------------------- the spoof pattern

    @Test
    void aWallThatStoodAndWasPulledAsThePriceCameMoreThanHalfWayIsSuspected() {
        Fixtures.Book quiet = base().bid("99.90", 20);
        AnalysisResult first = observe(quiet.build(T0));
        assertThat(first.spoofingSuspected()).isFalse();

        // 10 s later a 30 BTC ask wall appears at 101.50: +1.5 %, beyond 1 %, and no bid wall that far -> suspected
        AnalysisResult appeared = observe(quiet.copy().ask("101.50", 30).build(T0 + S10));
        assertThat(appeared.spoofingSuspected()).isTrue();
        assertThat(appeared.spoofEvidence()).extracting(SpoofEvidence::reason).containsExactly(SpoofReason.FAR_ONE_SIDED);
        assertThat(appeared.whaleAsks()).singleElement().satisfies(w -> {
            assertThat(w.price()).isEqualTo(101.5);
            assertThat(w.spoofSuspected()).isTrue();
            assertThat(w.firstSeen()).isEqualTo(T0 + S10);
        });

        // it stands a second snapshot
        AnalysisResult stands = observe(quiet.copy().ask("101.50", 30).build(T0 + 2 * S10));
        assertThat(stands.spoofEvidence()).extracting(SpoofEvidence::reason).containsExactly(SpoofReason.FAR_ONE_SIDED);
        assertThat(stands.whaleAsks().get(0).firstSeen()).isEqualTo(T0 + S10);

        // 10 s later the price has risen to 100.80 and the wall is gone (1 left at 101.50, the ladder's): the mid
        // came (1.5 - 0.7) / 1.5 = 53.33 % of the way to it, the best ask 100.81 is still below it
        AnalysisResult pulled = observe(at("100.80").bid("99.90", 20).build(T0 + 3 * S10));
        assertThat(pulled.spoofingSuspected()).isTrue();
        assertThat(pulled.whaleAsks()).isEmpty();
        assertThat(pulled.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(SpoofReason.VANISHED);
            assertThat(e.side()).isEqualTo(BookSide.ASK);
            assertThat(e.price()).isEqualTo(101.5);
            assertThat(e.quantity()).isEqualTo(30.0);
            // asks: 249 x 1 + 30 = 279 over 250 -> mean 1.116; 30 / 1.116 = 26.88x
            assertThat(e.multiple()).isEqualTo(26.88);
            assertThat(e.distancePct()).isEqualTo(1.5);
            assertThat(e.firstSeen()).isEqualTo(T0 + S10);
            assertThat(e.lastSeen()).isEqualTo(T0 + 2 * S10);
            assertThat(e.vanishedAt()).isEqualTo(T0 + 3 * S10);
            assertThat(e.remainingQuantity()).isEqualTo(1.0);
            assertThat(e.detail()).isEqualTo("Ask wall 30 BTC at 101.5 (+1.5%, 26.88x average) stood in 2 snapshots"
                    + " from 2024-08-08T23:54:26Z to 2024-08-08T23:54:36Z and was pulled by 2024-08-08T23:54:46Z as the"
                    + " price came 53.33% of the way to it (mid 100 to 100.8) without reaching it (1 BTC left)");
        });
        assertThat(pulled.reasoning()).contains("Spoofing suspected: " + pulled.spoofEvidence().get(0).detail());
        assertThat(pulled.historySnapshots()).isEqualTo(4);
        // the bid wall stayed: not suspected, seen since the first snapshot
        assertThat(pulled.whaleBids()).singleElement().satisfies(w -> {
            assertThat(w.spoofSuspected()).isFalse();
            assertThat(w.firstSeen()).isEqualTo(T0);
        });
    }

    @Test
    void aPersistentNearWallIsNotSuspected() {
        Fixtures.Book b = base().bid("99.90", 20);
        AnalysisResult r = null;
        for (int i = 0; i < 5; i++) {
            // the quantity moves a little: still the same wall
            r = observe(b.copy().bid("99.90", 20 + i).build(T0 + i * S10));
        }
        assertThat(r.spoofingSuspected()).isFalse();
        assertThat(r.spoofEvidence()).isEmpty();
        assertThat(r.whaleBids()).singleElement().satisfies(w -> {
            assertThat(w.price()).isEqualTo(99.9);
            assertThat(w.spoofSuspected()).isFalse();
            assertThat(w.firstSeen()).isEqualTo(T0);               // seen since the first snapshot
        });
        assertThat(r.historySnapshots()).isEqualTo(5);
        assertThat(r.reasoning()).contains("No spoofing evidence: no one-sided wall of 10x average or more beyond"
                + " ±1%, and no such wall that had stood 2 snapshots or more was pulled as the price came at least 50%"
                + " of the way to it across the 5 snapshots of the last 40 s");
    }

    @Test
    void aNearWallPulledAsThePriceCameHalfWayIsSuspected() {
        askWallStoodTwoSnapshots(S);
        // the mid rose from 100 to 100.10: half of the 0.20 to the wall, exactly the default minimum (inclusive)
        AnalysisResult r = observe(at("100.10").build(T0 + 2 * S10));
        assertThat(r.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(SpoofReason.VANISHED);
            assertThat(e.price()).isEqualTo(100.2);
            assertThat(e.distancePct()).isEqualTo(0.2);
            assertThat(e.detail()).contains("as the price came 50% of the way to it (mid 100 to 100.1)");
        });
    }

    // ---------------------------------------------------------------- ordinary churn is no evidence

    @Test
    void aWallSeenInOneSnapshotOnlyIsNoEvidence() {
        observe(base().bid("99.90", 20).build(T0));
        AnalysisResult appeared = observe(base().bid("99.90", 20).ask("101.50", 30).build(T0 + S10));
        assertThat(appeared.spoofEvidence()).extracting(SpoofEvidence::reason).containsExactly(SpoofReason.FAR_ONE_SIDED);
        // gone at the next snapshot, the price 53 % of the way to it: it had stood one snapshot only
        AnalysisResult gone = observe(at("100.80").bid("99.90", 20).build(T0 + 2 * S10));
        assertThat(gone.spoofingSuspected()).isFalse();
        assertThat(gone.spoofEvidence()).isEmpty();
        assertThat(gone.reasoning()).contains("No spoofing evidence: no one-sided wall of 10x average or more beyond"
                + " ±1%, and no such wall that had stood 2 snapshots or more was pulled as the price came at least 50%"
                + " of the way to it across the 3 snapshots of the last 20 s");
    }

    @ParameterizedTest(name = "bid 99.90: {0} then 20, pulled: suspected {1}")
    @CsvSource({
            "10, true",     // 20 <= 2 x 10: the same wall, grown; it stood two snapshots
            "9,  false",    // 20 > 2 x 9: a larger order joined at T0 + 10 s, the 20 BTC wall was seen once
    })
    void aWallThatMoreThanDoubledIsANewWall(double before, boolean suspected) {
        // a bid wall at 99.90 of 'before' (mean (249 + before) / 250, a wall from 3x: 9 is 8.7x, 10 is 9.6x)
        observe(base().bid("99.90", before).build(T0));
        AnalysisResult grown = observe(base().bid("99.90", 20).build(T0 + S10));
        assertThat(grown.whaleBids().get(0).firstSeen()).isEqualTo(suspected ? T0 : T0 + S10);
        // then the mid falls half-way (100 -> 99.95) and the 20 BTC (18.59x) are gone
        AnalysisResult r = observe(at("99.95").build(T0 + 2 * S10));
        assertThat(r.spoofingSuspected()).isEqualTo(suspected);
    }

    @Test
    void aWallPulledWhileThePriceMovesAwayIsNoEvidence() {
        askWallStoodTwoSnapshots(S);
        // the price fell to 99.90: the wall at 100.20 is now 0.30 away instead of 0.20 (approach -50 %)
        assertThat(observe(at("99.90").build(T0 + 2 * S10)).spoofEvidence()).isEmpty();
        // not even when any approach would do
        assertThat(observe(at("99.90").build(T0 + 2 * S10), with("spoof_min_approach", 0.0)).spoofEvidence()).isEmpty();
    }

    @Test
    void aWallPulledWhileThePriceStandsStillIsNoEvidence() {
        askWallStoodTwoSnapshots(S);
        // same mid 100: approach 0, which is no move toward the wall, even when any approach would do
        assertThat(observe(base().build(T0 + 2 * S10)).spoofEvidence()).isEmpty();
        assertThat(observe(base().build(T0 + 2 * S10), with("spoof_min_approach", 0.0)).spoofEvidence()).isEmpty();
    }

    @ParameterizedTest(name = "mid 100 -> {0}, spoof_min_approach {1}: suspected {2}")
    @CsvSource({
            // approach = 1 - |100.20 - mid| / 0.20
            "100.04, 0.5,  false",      // 20 % of the way: a small move is churn by default
            "100.04, 0.2,  true",       // 20 % >= 20 % (inclusive)
            "100.04, 0.21, false",
            "100.04, 0.0,  true",       // 0: any move toward it
            "100.10, 0.5,  true",       // 50 % >= 50 %
            "100.10, 0.51, false",
            "100.15, 0.75, true",       // 75 %
            "100.15, 1.0,  false",      // 1: the price would have to reach the wall, which is no pull: never
    })
    void theApproachMustCoverTheConfiguredFraction(String mid, double minApproach, boolean suspected) {
        OrderBookSettings s = with("spoof_min_approach", minApproach);
        askWallStoodTwoSnapshots(s);
        AnalysisResult r = observe(at(mid).build(T0 + 2 * S10), s);
        assertThat(r.spoofingSuspected()).isEqualTo(suspected);
        assertThat(r.spoofEvidence()).hasSize(suspected ? 1 : 0);
    }

    @Test
    void theSettingsInForceJudgeTheRecordedPulls() {
        askWallStoodTwoSnapshots(S);
        OrderBook twentyPct = at("100.04").build(T0 + 2 * S10);
        assertThat(observe(twentyPct).spoofingSuspected()).isFalse();
        // the same snapshot analysed again after a reload (a cache miss with new settings): the pull was recorded
        AnalysisResult again = observe(twentyPct, with("spoof_min_approach", 0.2));
        assertThat(again.spoofEvidence()).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("stood in 2 snapshots").contains("as the price came 20% of the way to it (mid 100 to 100.04)"));
        assertThat(again.historySnapshots()).isEqualTo(3);
    }

    @Test
    void spoofMinSnapshotsAsksForALongerStand() {
        OrderBookSettings three = with("spoof_min_snapshots", 3L);
        askWallStoodTwoSnapshots(three);
        // pulled after two snapshots, the price half-way: evidence under the default 2, not under 3
        OrderBook pulled = at("100.10").build(T0 + 2 * S10);
        assertThat(observe(pulled, three).spoofEvidence()).isEmpty();
        assertThat(observe(pulled, S).spoofEvidence()).hasSize(1);

        // a 15 BTC ask wall at 100.40 (0.30 above mid 100.10) stands three snapshots, then the mid rises to 100.25
        // (half-way) and it is gone: evidence under 3
        observe(at("100.10").ask("100.40", 15).build(T0 + 3 * S10), three);
        observe(at("100.10").ask("100.40", 15).build(T0 + 4 * S10), three);
        observe(at("100.10").ask("100.40", 15).build(T0 + 5 * S10), three);
        AnalysisResult r = observe(at("100.25").build(T0 + 6 * S10), three);
        assertThat(r.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.price()).isEqualTo(100.4);
            assertThat(e.firstSeen()).isEqualTo(T0 + 3 * S10);
            assertThat(e.lastSeen()).isEqualTo(T0 + 5 * S10);
            assertThat(e.detail()).contains("stood in 3 snapshots from 2024-08-08T23:54:46Z to 2024-08-08T23:55:06Z")
                    .contains("as the price came 50% of the way to it (mid 100.1 to 100.25)");
        });
    }

    @Test
    void aWallThePriceReachedIsNotASpoof() {
        observe(base().bid("99.90", 20).build(T0));
        observe(base().bid("99.90", 20).build(T0 + S10));
        // the price fell to the wall: best bid 99.90 with 3 of the 20 left (mid 99.91, 90 % of the way): it was hit
        AnalysisResult r = observe(at("99.91").bid("99.90", 3).build(T0 + 2 * S10));
        assertThat(r.bestBid()).isEqualTo(99.9);
        assertThat(r.spoofingSuspected()).isFalse();
    }

    @Test
    void aWallThePriceTradedThroughIsNotASpoof() {
        observe(base().bid("99.90", 20).build(T0));
        observe(base().bid("99.90", 20).build(T0 + S10));
        // the price fell: every bid from 99.85 up was taken, the wall with them
        AnalysisResult r = observe(base().bidsBelow("99.85").build(T0 + 2 * S10));
        assertThat(r.bestBid()).isEqualTo(99.84);
        assertThat(r.spoofingSuspected()).isFalse();
    }

    @Test
    void aWallThatShrinksByLessThanHalfHasNotVanished() {
        observe(base().bid("99.90", 20).build(T0));
        // 12 left of 20 (60 %): still a wall (mean (249 + 12) / 250 = 1.044, 11.49x), not pulled
        assertThat(observe(base().bid("99.90", 12).build(T0 + S10)).spoofingSuspected()).isFalse();
        // 12 -> 3 as the mid falls from 100 to 99.95 (half-way to 99.90): below the wall threshold
        // (3 x 1.008 = 3.024) and below half of the 12 last seen -> pulled
        AnalysisResult r = observe(at("99.95").bid("99.90", 3).build(T0 + 2 * S10));
        assertThat(r.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.quantity()).isEqualTo(12.0);
            assertThat(e.multiple()).isEqualTo(11.49);
            assertThat(e.remainingQuantity()).isEqualTo(3.0);
        });
    }

    @Test
    void aVanishedWallBelowTheSpoofMinimumIsNoEvidence() {
        // 8 at 100.20: mean (249 + 8) / 250 = 1.028, 7.78x: a wall, but below spoof_min_multiple 10
        observe(base().ask("100.20", 8).build(T0));
        observe(base().ask("100.20", 8).build(T0 + S10));
        AnalysisResult r = observe(at("100.10").build(T0 + 2 * S10));
        assertThat(r.spoofingSuspected()).isFalse();
        // when it comes back it is not discounted either
        AnalysisResult back = observe(at("100.10").ask("100.20", 8).build(T0 + 3 * S10));
        assertThat(back.whaleAsks().get(0).spoofSuspected()).isFalse();
        // the tracker itself remembers it: a lower minimum sees the first pull (not the second: seen once, mid still)
        AnalysisResult five = observe(at("100.10").build(T0 + 4 * S10), with("spoof_min_multiple", 5.0));
        assertThat(five.spoofEvidence()).extracting(SpoofEvidence::price, SpoofEvidence::vanishedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100.2, T0 + 2 * S10));
    }

    @Test
    void aWallBelowTheWallThresholdButWithMoreThanHalfLeftHasNotVanished() {
        // with k = 12 neither 11 nor 9 is a wall any more (mean about 1.04); 11 is more than half of the 20, 9 is not
        OrderBookSettings strict = with("wall_multiplier", 12.0);
        WallTracker control = new WallTracker();
        for (WallTracker t : new WallTracker[] {tracker, control}) {
            observe(t, base().bid("99.90", 20).build(T0), S);
            observe(t, base().bid("99.90", 20).build(T0 + S10), S);
        }
        // the mid falls half-way to the wall in both
        assertThat(observe(at("99.95").bid("99.90", 11).build(T0 + 2 * S10), strict).spoofEvidence()).isEmpty();
        assertThat(observe(control, at("99.95").bid("99.90", 9).build(T0 + 2 * S10), strict).spoofEvidence())
                .extracting(SpoofEvidence::remainingQuantity).containsExactly(9.0);
    }

    @Test
    void aWallThatScrolledOutOfViewIsNotASpoof() {
        observe(base().ask("101.50", 30).bid("98.50", 30).build(T0));   // far on both sides: not one-sided
        observe(base().ask("101.50", 30).bid("98.50", 30).build(T0 + S10));
        // the price rose to 100.80 (53 % of the way to 101.50) but the ask side now ends at 101.00, so 101.50 is
        // simply not seen
        AnalysisResult r = observe(at("100.80").bid("98.50", 30).asksUpTo("101.00").build(T0 + 2 * S10));
        assertThat(r.spoofEvidence()).extracting(SpoofEvidence::reason).doesNotContain(SpoofReason.VANISHED);
    }

    @Test
    void aWallThatComesBackWhereOneWasPulledIsSuspectedAndCountsAQuarter() {
        askWallStoodTwoSnapshots(S);
        observe(at("100.10").build(T0 + 2 * S10));
        AnalysisResult back = observe(at("100.10").ask("100.20", 15).build(T0 + 3 * S10));
        assertThat(back.whaleAsks()).singleElement().satisfies(w -> {
            assertThat(w.spoofSuspected()).isTrue();
            assertThat(w.firstSeen()).isEqualTo(T0 + 3 * S10);
            // 15 / ((249 + 15) / 250) = 14.2045x at +0.0999 %: size log10(14.2045) / log10(30) = 0.7802,
            // proximity 1 / (1 + 0.0999 / 0.5) = 0.8335 -> round(100 x (0.6 x 0.7802 + 0.4 x 0.8335)) = 80
            assertThat(w.strength()).isEqualTo(80);
        });
        assertThat(back.reasoning()).anyMatch(t -> t.contains("(wall strength 0 bid vs 20 ask within ±0.5%)"));
        assertThat(back.reasoning()).anyMatch(t -> t.endsWith("- suspected spoof, counted at 25%"));
    }

    @Test
    void aWallThatComesBackWhereOneWasPulledAsChurnIsNotSuspected() {
        askWallStoodTwoSnapshots(S);
        observe(base().build(T0 + 2 * S10));                          // pulled, but the price stood still
        AnalysisResult back = observe(base().ask("100.20", 15).build(T0 + 3 * S10));
        assertThat(back.spoofingSuspected()).isFalse();
        assertThat(back.whaleAsks().get(0).spoofSuspected()).isFalse();
    }

    // ---------------------------------------------------------------- the history

    @Test
    void evidenceLeavesWithTheSnapshotsWhenTheHistoryIsFull() {
        OrderBookSettings three = with("history_size", 3L);
        askWallStoodTwoSnapshots(three);                                                           // [1, 2]
        assertThat(observe(at("100.10").build(T0 + 2 * S10), three).spoofingSuspected()).isTrue(); // [1, 2, 3]
        assertThat(observe(at("100.10").build(T0 + 3 * S10), three).spoofingSuspected()).isTrue(); // [2, 3, 4]
        AnalysisResult r5 = observe(at("100.10").build(T0 + 4 * S10), three);                     // [3, 4, 5]
        assertThat(r5.spoofingSuspected()).isTrue();
        assertThat(r5.historySnapshots()).isEqualTo(3);
        AnalysisResult r6 = observe(at("100.10").build(T0 + 5 * S10), three);                     // [4, 5, 6]
        assertThat(r6.spoofingSuspected()).isFalse();
        assertThat(r6.historySnapshots()).isEqualTo(3);
    }

    @Test
    void aPreviousSnapshotOlderThanTheMaximumAgeIsNotComparedWith() {
        askWallStoodTwoSnapshots(S);
        // 130 s later (max age 120 s): the old snapshots are dropped first, so the missing wall proves nothing
        AnalysisResult r = observe(at("100.10").build(T0 + S10 + 130_000));
        assertThat(r.spoofingSuspected()).isFalse();
        assertThat(r.historySnapshots()).isEqualTo(1);
        assertThat(r.reasoning()).anyMatch(t -> t.endsWith("no earlier snapshot of BTCUSDT within 120 s to compare"
                + " walls with"));
    }

    @Test
    void evidenceAgesOutWithItsSnapshot() {
        askWallStoodTwoSnapshots(S);
        assertThat(observe(at("100.10").build(T0 + 2 * S10)).spoofingSuspected()).isTrue();
        // 125 s after the pulling snapshot: all older snapshots are dropped
        assertThat(observe(at("100.10").build(T0 + 2 * S10 + 125_000)).spoofingSuspected()).isFalse();
    }

    @Test
    void theSameSnapshotTwiceIsRecordedOnce() {
        OrderBook first = base().ask("100.20", 15).build(T0);
        observe(first);
        observe(base().ask("100.20", 15).build(T0 + S10));
        OrderBook gone = at("100.10").build(T0 + 2 * S10);
        AnalysisResult once = observe(gone);
        AnalysisResult twice = observe(gone);                      // e.g. the runtime's book cache, new settings
        assertThat(twice.historySnapshots()).isEqualTo(3);
        assertThat(twice.spoofEvidenceCount()).isEqualTo(once.spoofEvidenceCount()).isEqualTo(1);
        // an older snapshot arriving late is not recorded either
        AnalysisResult late = observe(first);
        assertThat(late.historySnapshots()).isEqualTo(3);
        assertThat(late.whaleAsks().get(0).firstSeen()).isEqualTo(T0);
    }

    @Test
    void symbolsHaveSeparateHistoriesAndClearForgetsThem() {
        askWallStoodTwoSnapshots(S);
        OrderBook eth = at("100.10").build(T0 + 2 * S10);
        OrderBook other = new OrderBook("ETHUSDT", 1, eth.eventTime(), eth.transactionTime(), eth.bids(), eth.asks());
        BookSnapshot snap = snapshot(other, S);
        WallTracker.Observation obs = tracker.observe(snap, DetectedWalls.detect(snap, 3), 10, 120_000);
        assertThat(obs.vanished).isEmpty();                        // ETHUSDT never had the wall
        assertThat(tracker.symbols()).isEqualTo(2);
        tracker.clear();
        assertThat(tracker.symbols()).isZero();
        assertThat(observe(at("100.10").build(T0 + 2 * S10)).spoofingSuspected()).isFalse();
    }
}
