package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.T0;
import static io.marketintel.plugin.orderbook.internal.Fixtures.book;
import static io.marketintel.plugin.orderbook.internal.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.OrderBook;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spoofing suspicion across successive snapshots of one symbol. The base book: 250 levels of 1 a side, 0.01 apart
 * around 100 (bids 99.99 … 97.50, asks 100.01 … 102.50), depth limit 500, spoof distance 1 %.
 */
class SpoofingTest {

    private static final long S10 = 10_000;
    private static final OrderBookSettings S = OrderBookSettings.with(Map.of("depth_limit", "500"));
    private static final OrderBookAnalysis.Units UNITS = new OrderBookAnalysis.Units("BTC", "USDT");

    private final WallTracker tracker = new WallTracker();

    private static Fixtures.Book base() {
        return book().ladder("100", "0.01", 250, 1);
    }

    private AnalysisResult observe(OrderBook b, OrderBookSettings s) {
        BookSnapshot snap = snapshot(b, s);
        DetectedWalls walls = DetectedWalls.detect(snap, s.wallMultiplier());
        WallTracker.Observation obs = tracker.observe(snap, walls, s.historySize(), s.historyMaxAge().toMillis());
        return OrderBookAnalysis.analyze(snap, walls, obs, s, UNITS, "fake");
    }

    private AnalysisResult observe(OrderBook b) {
        return observe(b, S);
    }

    @Test
    void aFarWallThatAppearsThenVanishesIsSuspected() {
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

        // 10 s later it is gone (1 left at 101.50, the ladder's), the price never got there (best ask 100.01)
        AnalysisResult vanished = observe(quiet.build(T0 + 2 * S10));
        assertThat(vanished.spoofingSuspected()).isTrue();
        assertThat(vanished.whaleAsks()).isEmpty();
        assertThat(vanished.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(SpoofReason.VANISHED);
            assertThat(e.side()).isEqualTo(BookSide.ASK);
            assertThat(e.price()).isEqualTo(101.5);
            assertThat(e.quantity()).isEqualTo(30.0);
            // asks: 249 x 1 + 30 = 279 over 250 -> mean 1.116; 30 / 1.116 = 26.88x
            assertThat(e.multiple()).isEqualTo(26.88);
            assertThat(e.distancePct()).isEqualTo(1.5);
            assertThat(e.firstSeen()).isEqualTo(T0 + S10);
            assertThat(e.lastSeen()).isEqualTo(T0 + S10);
            assertThat(e.vanishedAt()).isEqualTo(T0 + 2 * S10);
            assertThat(e.remainingQuantity()).isEqualTo(1.0);
            assertThat(e.detail()).isEqualTo("Ask wall 30 BTC at 101.5 (+1.5%, 26.88x average) seen from"
                    + " 2024-08-08T23:54:26Z to 2024-08-08T23:54:26Z vanished by 2024-08-08T23:54:36Z without the price"
                    + " reaching it (1 BTC left)");
        });
        assertThat(vanished.reasoning()).contains("Spoofing suspected: " + vanished.spoofEvidence().get(0).detail());
        assertThat(vanished.historySnapshots()).isEqualTo(3);
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
                + " ±1%, and no such wall vanished across the 5 snapshots of the last 40 s");
    }

    @Test
    void aNearWallPulledBeforeThePriceGetsThereIsSuspectedToo() {
        observe(base().ask("100.20", 15).build(T0));
        AnalysisResult r = observe(base().build(T0 + S10));
        assertThat(r.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(SpoofReason.VANISHED);
            assertThat(e.price()).isEqualTo(100.2);
            assertThat(e.distancePct()).isEqualTo(0.2);
        });
    }

    @Test
    void aWallThatShrinksByLessThanHalfHasNotVanished() {
        observe(base().bid("99.90", 20).build(T0));
        // 12 left of 20 (60 %): still a wall (mean (249 + 12) / 250 = 1.044, 11.49x), not vanished
        assertThat(observe(base().bid("99.90", 12).build(T0 + S10)).spoofingSuspected()).isFalse();
        // 12 -> 3: below the wall threshold (3 x 1.008 = 3.024) and below half of the 12 last seen -> vanished
        AnalysisResult r = observe(base().bid("99.90", 3).build(T0 + 2 * S10));
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
        AnalysisResult r = observe(base().build(T0 + S10));
        assertThat(r.spoofingSuspected()).isFalse();
        // when it comes back it is not discounted either
        AnalysisResult back = observe(base().ask("100.20", 8).build(T0 + 2 * S10));
        assertThat(back.whaleAsks().get(0).spoofSuspected()).isFalse();
        // the tracker itself remembers it: a lower minimum sees it
        OrderBookSettings five = OrderBookSettings.with(Map.of("depth_limit", "500", "spoof_min_multiple", 5.0));
        assertThat(observe(base().build(T0 + 3 * S10), five).spoofEvidence())
                .extracting(SpoofEvidence::price).containsExactly(100.2, 100.2);
    }

    @Test
    void aWallBelowTheWallThresholdButWithMoreThanHalfLeftHasNotVanished() {
        // 20 -> 11: 11 is more than half of 20; whether or not it is still a wall, it was not pulled
        observe(base().bid("99.90", 20).build(T0));
        OrderBookSettings strict = OrderBookSettings.with(Map.of("depth_limit", "500", "wall_multiplier", 12.0));
        // with k = 12 the 11 is no wall any more (mean ~1.04), but 11 >= 0.5 x 20
        assertThat(observe(base().bid("99.90", 11).build(T0 + S10), strict).spoofEvidence()).isEmpty();
    }

    @Test
    void aWallThePriceTradedThroughIsNotASpoof() {
        observe(base().bid("99.90", 20).build(T0));
        // the price fell: every bid from 99.85 up was taken, the wall with them
        AnalysisResult r = observe(base().bidsBelow("99.85").build(T0 + S10));
        assertThat(r.bestBid()).isEqualTo(99.84);
        assertThat(r.spoofingSuspected()).isFalse();
    }

    @Test
    void aWallThatScrolledOutOfViewIsNotASpoof() {
        observe(base().ask("101.50", 30).bid("98.50", 30).build(T0));   // far on both sides: not one-sided
        // fewer ask levels in view: the book now ends at 101.00, so 101.50 is simply not seen
        AnalysisResult r = observe(base().bid("98.50", 30).asksUpTo("101.00").build(T0 + S10));
        assertThat(r.spoofEvidence()).extracting(SpoofEvidence::reason).doesNotContain(SpoofReason.VANISHED);
    }

    @Test
    void aWallThatComesBackWhereOneVanishedIsSuspectedAndCountsAQuarter() {
        observe(base().ask("100.20", 15).build(T0));
        observe(base().build(T0 + S10));
        AnalysisResult back = observe(base().ask("100.20", 15).build(T0 + 2 * S10));
        assertThat(back.whaleAsks()).singleElement().satisfies(w -> {
            assertThat(w.spoofSuspected()).isTrue();
            assertThat(w.firstSeen()).isEqualTo(T0 + 2 * S10);
        });
        int strength = back.whaleAsks().get(0).strength();
        assertThat(back.reasoning()).anyMatch(t -> t.contains("(wall strength 0 bid vs "
                + OrderBookAnalysis.num(0.25 * strength, 2) + " ask within ±0.5%)"));
        assertThat(back.reasoning()).anyMatch(t -> t.endsWith("- suspected spoof, counted at 25%"));
    }

    @Test
    void evidenceLeavesWithTheSnapshotsWhenTheHistoryIsFull() {
        OrderBookSettings three = OrderBookSettings.with(Map.of("depth_limit", "500", "history_size", 3L));
        observe(base().ask("100.20", 15).build(T0), three);
        assertThat(observe(base().build(T0 + S10), three).spoofingSuspected()).isTrue();           // [1, 2]
        assertThat(observe(base().build(T0 + 2 * S10), three).spoofingSuspected()).isTrue();       // [1, 2, 3]
        AnalysisResult r4 = observe(base().build(T0 + 3 * S10), three);                           // [2, 3, 4]
        assertThat(r4.spoofingSuspected()).isTrue();
        assertThat(r4.historySnapshots()).isEqualTo(3);
        AnalysisResult r5 = observe(base().build(T0 + 4 * S10), three);                           // [3, 4, 5]
        assertThat(r5.spoofingSuspected()).isFalse();
        assertThat(r5.historySnapshots()).isEqualTo(3);
    }

    @Test
    void aPreviousSnapshotOlderThanTheMaximumAgeIsNotComparedWith() {
        observe(base().ask("100.20", 15).build(T0));
        // 130 s later (max age 120 s): the old snapshot is dropped first, so the missing wall proves nothing
        AnalysisResult r = observe(base().build(T0 + 130_000));
        assertThat(r.spoofingSuspected()).isFalse();
        assertThat(r.historySnapshots()).isEqualTo(1);
        assertThat(r.reasoning()).anyMatch(t -> t.endsWith("no earlier snapshot of BTCUSDT within 120 s to compare"
                + " walls with"));
    }

    @Test
    void evidenceAgesOutWithItsSnapshot() {
        observe(base().ask("100.20", 15).build(T0));
        assertThat(observe(base().build(T0 + S10)).spoofingSuspected()).isTrue();
        // 125 s after the vanishing snapshot: both old snapshots are dropped
        assertThat(observe(base().build(T0 + S10 + 125_000)).spoofingSuspected()).isFalse();
    }

    @Test
    void theSameSnapshotTwiceIsRecordedOnce() {
        OrderBook first = base().ask("100.20", 15).build(T0);
        observe(first);
        OrderBook gone = base().build(T0 + S10);
        AnalysisResult once = observe(gone);
        AnalysisResult twice = observe(gone);                      // e.g. the runtime's book cache, new settings
        assertThat(twice.historySnapshots()).isEqualTo(2);
        assertThat(twice.spoofEvidenceCount()).isEqualTo(once.spoofEvidenceCount()).isEqualTo(1);
        // an older snapshot arriving late is not recorded either
        AnalysisResult late = observe(first);
        assertThat(late.historySnapshots()).isEqualTo(2);
        assertThat(late.whaleAsks().get(0).firstSeen()).isEqualTo(T0);
    }

    @Test
    void symbolsHaveSeparateHistoriesAndClearForgetsThem() {
        observe(base().ask("100.20", 15).build(T0));
        OrderBook other = new OrderBook("ETHUSDT", 1, T0 + S10, T0 + S10, base().build(0).bids(), base().build(0).asks());
        BookSnapshot snap = snapshot(other, S);
        WallTracker.Observation obs = tracker.observe(snap, DetectedWalls.detect(snap, 3), 10, 120_000);
        assertThat(obs.vanished).isEmpty();                        // ETHUSDT never had the wall
        assertThat(tracker.symbols()).isEqualTo(2);
        tracker.clear();
        assertThat(tracker.symbols()).isZero();
        assertThat(observe(base().build(T0 + 2 * S10)).spoofingSuspected()).isFalse();
    }
}
