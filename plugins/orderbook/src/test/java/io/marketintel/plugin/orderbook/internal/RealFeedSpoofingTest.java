package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spoofing suspicion on the real Binance USDⓈ-M BTCUSDT feed of 2024-08-08 23:54:16 → 00:00:01 UTC
 * ({@code ../shared/data/binance/orderbook/usdm_btcusdt_20240808_feed.gz}, read at test time, never copied): the REST
 * snapshot and the depth diffs replayed into a local book the official way ({@link FeedReplay}), one 500-level book
 * every 10 s (35 books, 23:54:16.493 … 23:59:56.493) through the plugin's {@code analysis} operation with the
 * default configuration ({@code max_walls} raised to 100 so that every wall is listed).
 *
 * <p>Every expectation below was checked by hand on the raw feed with a second, independent replay (Python, decimal
 * arithmetic, no code shared with the plugin): the quantities at the wall's price in each book, the mids and the
 * best prices.
 */
class RealFeedSpoofingTest {

    private static final String FILE = "usdm_btcusdt_20240808_feed.gz";
    private static final long T0 = Instant.parse("2024-08-08T23:54:16.493Z").toEpochMilli();

    private static List<OrderBook> books;
    private static List<AnalysisResult> results;
    /** The same books with {@code spoof_min_approach} 0 (any move toward a wall). */
    private static List<AnalysisResult> anyApproach;

    @BeforeAll
    static void replay() throws IOException {
        String dir = System.getProperty("marketintel.shared.data");
        Path file = dir == null ? null : Path.of(dir, "orderbook", FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return;                                                  // every test is skipped with the reason
        }
        books = FeedReplay.snapshots(file, "BTCUSDT", 10_000, 500);
        results = analyse(Map.of("max_walls", 100L));
        anyApproach = analyse(Map.of("max_walls", 100L, "spoof_min_approach", 0.0));
        for (int k = 0; k < results.size(); k++) {
            AnalysisResult r = results.get(k);
            System.out.println("BTCUSDT feed " + Instant.ofEpochMilli(r.dataTime()) + " mid " + r.currentPrice()
                    + " spoofing_suspected " + r.spoofingSuspected() + " (" + r.spoofEvidenceCount() + " evidence)");
        }
    }

    /** The books through the plugin, one call every 10 s of a fake clock (each call a cache miss). */
    private static List<AnalysisResult> analyse(Map<String, ?> config) {
        FakeMarketData market = Fixtures.market();
        market.source("replay");
        OrderBookPlugin plugin = new OrderBookPlugin();
        FakePluginContext ctx = Fixtures.context(plugin.descriptor(), market);
        ctx.configure(config);
        done(plugin.start(ctx));
        List<AnalysisResult> out = new ArrayList<>();
        for (OrderBook b : books) {
            market.orderBook(b);
            out.add((AnalysisResult) done(plugin.operations().get(0).handler()
                    .handle(new OperationRequest("BTCUSDT", Params.empty()))));
            ctx.clock().advance(Duration.ofSeconds(10));
        }
        return out;
    }

    @BeforeEach
    void requireData() {
        Assumptions.assumeTrue(books != null, "shared Binance data missing (expected ../shared/data/binance/orderbook/"
                + FILE + " next to the checkout, system property marketintel.shared.data): skipping the real feed"
                + " spoofing checks");
    }

    private static long t(int k) {
        return T0 + k * 10_000L;
    }

    /** Pieces of VANISHED evidence first observed in book {@code k} (pulled between book k - 1 and book k). */
    private static List<SpoofEvidence> pulledAt(List<AnalysisResult> run, int k) {
        List<SpoofEvidence> out = new ArrayList<>();
        for (SpoofEvidence e : run.get(k).spoofEvidence()) {
            if (e.reason() == SpoofReason.VANISHED && e.vanishedAt() == t(k)) {
                out.add(e);
            }
        }
        return out;
    }

    private static double quantityAt(List<PriceLevel> side, double price) {
        for (PriceLevel l : side) {
            if (l.price() == price) {
                return l.quantity();
            }
        }
        return 0;
    }

    @Test
    void theReplayIsWhatTheReadmeSays() {
        assertThat(books).hasSize(35);
        assertThat(results.get(0).dataTime()).isEqualTo(T0);                   // the REST snapshot's T
        assertThat(results.get(34).dataTime()).isEqualTo(t(34));               // 23:59:56.493
        assertThat(results.get(0).currentPrice()).isEqualTo(61800.25);
        assertThat(results.get(10).currentPrice()).isEqualTo(61764.95);
        assertThat(results.get(22).currentPrice()).isEqualTo(61633.95);
        assertThat(books).allSatisfy(b -> assertThat(b.bids()).hasSize(500));
    }

    @Test
    void theSnapshotsBigWallsGoneTenSecondsLaterHadBeenSeenOnceAndAreNoEvidence() {
        // the README's 12.109 BTC bid at 61740 and 15.16 BTC ask at 61841 (23:54:16.493) ...
        assertThat(results.get(0).whaleBids()).anySatisfy(w -> {
            assertThat(w.price()).isEqualTo(61740.0);
            assertThat(w.quantity()).isEqualTo(12.109);
        });
        assertThat(results.get(0).whaleAsks()).anySatisfy(w -> {
            assertThat(w.price()).isEqualTo(61841.0);
            assertThat(w.quantity()).isEqualTo(15.16);
        });
        // ... were gone at 23:54:26.493 (0.006 and 0.008 BTC left), unreached (best bid 61811.3, best ask 61811.4)
        assertThat(quantityAt(books.get(1).bids(), 61740.0)).isEqualTo(0.006);
        assertThat(quantityAt(books.get(1).asks(), 61841.0)).isEqualTo(0.008);
        // the old rule flagged this book for them; they had been seen in one book only
        assertThat(results.get(1).spoofingSuspected()).isFalse();
        assertThat(results.get(1).spoofEvidence()).isEmpty();
        assertThat(anyApproach.get(1).spoofEvidence()).isEmpty();
    }

    @Test
    void aBidWallThatStoodTwoBooksAndWasPulledAsThePriceCameBackIsTheFirstEvidence() {
        // 61800.2: 2.909 BTC at 23:54:16.493 (the best bid), 3.67 at 23:54:26.493 (mid 61811.35), 0.025 at
        // 23:54:36.493 (mid 61805.25): the price came (11.15 - 5.05) / 11.15 = 54.71 % of the way back to it
        AnalysisResult r = results.get(2);
        assertThat(r.spoofingSuspected()).isTrue();
        assertThat(r.spoofEvidence()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(SpoofReason.VANISHED);
            assertThat(e.side()).isEqualTo(BookSide.BID);
            assertThat(e.price()).isEqualTo(61800.2);
            assertThat(e.quantity()).isEqualTo(3.67);
            assertThat(e.firstSeen()).isEqualTo(t(0));
            assertThat(e.lastSeen()).isEqualTo(t(1));
            assertThat(e.remainingQuantity()).isEqualTo(0.025);
            assertThat(e.detail()).isEqualTo("Bid wall 3.67 BTC at 61800.2 (-0.018%, 11.44x average) stood in 2"
                    + " snapshots from 2024-08-08T23:54:16.493Z to 2024-08-08T23:54:26.493Z and was pulled by"
                    + " 2024-08-08T23:54:36.493Z as the price came 54.71% of the way to it (mid 61811.35 to 61805.25)"
                    + " without reaching it (0.025 BTC left)");
        });
    }

    @Test
    void twoBidWallsThatStoodFiveBooksWerePulledAsThePriceFellTowardThem() {
        // 3.429 BTC at 61761.2 and 3.831 … 3.964 BTC at 61758.4 from 23:55:06.493 to 23:55:46.493, both gone at
        // 23:55:56.493 as the mid fell from 61778.85 to 61764.95 (best bid 61764.9): 78.75 % and 67.97 % of the way
        assertThat(pulledAt(results, 10)).extracting(SpoofEvidence::price, SpoofEvidence::quantity,
                        SpoofEvidence::firstSeen, SpoofEvidence::lastSeen, SpoofEvidence::remainingQuantity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(61761.2, 3.429, t(5), t(9), 0.0),
                        org.assertj.core.groups.Tuple.tuple(61758.4, 3.964, t(5), t(9), 0.0));
        assertThat(pulledAt(results, 10)).allSatisfy(e -> assertThat(e.detail()).contains("stood in 5 snapshots"));
        assertThat(pulledAt(results, 10)).anySatisfy(e -> assertThat(e.detail())
                .contains("as the price came 78.75% of the way to it (mid 61778.85 to 61764.95)"));
        assertThat(pulledAt(results, 10)).anySatisfy(e -> assertThat(e.detail())
                .contains("as the price came 67.97% of the way to it (mid 61778.85 to 61764.95)"));
        assertThat(results.get(10).spoofingSuspected()).isTrue();
    }

    @Test
    void aTenBtcBidWallPulledAsThePriceCameEightyFourPercentOfTheWay() {
        // 61701.2: 10.028 BTC at 23:56:26.493, 10.156 at 23:56:36.493 (mid 61733.85), 0.205 at 23:56:46.493
        // (mid 61706.35): (32.65 - 5.15) / 32.65 = 84.23 %
        assertThat(pulledAt(results, 15)).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo(
                "Bid wall 10.156 BTC at 61701.2 (-0.0529%, 22.38x average) stood in 2 snapshots from"
                        + " 2024-08-08T23:56:26.493Z to 2024-08-08T23:56:36.493Z and was pulled by"
                        + " 2024-08-08T23:56:46.493Z as the price came 84.23% of the way to it (mid 61733.85 to"
                        + " 61706.35) without reaching it (0.205 BTC left)"));
    }

    @Test
    void anAskWallPulledAsThePriceFellAwayIsNoEvidence() {
        // 61770.0: 9.714, 9.719, 12.755 BTC at 23:55:56.493 … 23:56:16.493 (three books), 0.759 left at
        // 23:56:26.493 while the mid fell from 61739.75 to 61733.75, away from it; the old rule flagged it
        assertThat(results.get(12).whaleAsks()).anySatisfy(w -> {
            assertThat(w.price()).isEqualTo(61770.0);
            assertThat(w.quantity()).isEqualTo(12.755);
            assertThat(w.firstSeen()).isEqualTo(t(10));
        });
        assertThat(quantityAt(books.get(13).asks(), 61770.0)).isEqualTo(0.759);
        assertThat(books.get(13).asks().get(0).price()).isEqualTo(61733.8);
        assertThat(pulledAt(results, 13)).extracting(SpoofEvidence::price).doesNotContain(61770.0);
        assertThat(pulledAt(anyApproach, 13)).extracting(SpoofEvidence::price).doesNotContain(61770.0);
    }

    @Test
    void aBidWallThatJumpedFromOneToThirteenBtcWasANewWallSeenOnce() {
        // 61678.7: 1.222 BTC (a 3.9x wall) at 23:56:06.493, 13.349 BTC (30.3x) at 23:56:16.493: more than doubled,
        // a new wall; 0.002 left at 23:56:26.493 as the mid moved 6 of its 61 USDT toward it
        assertThat(results.get(12).whaleBids()).anySatisfy(w -> {
            assertThat(w.price()).isEqualTo(61678.7);
            assertThat(w.quantity()).isEqualTo(13.349);
            assertThat(w.firstSeen()).isEqualTo(t(12));
        });
        assertThat(quantityAt(books.get(13).bids(), 61678.7)).isEqualTo(0.002);
        assertThat(pulledAt(results, 13)).extracting(SpoofEvidence::price).doesNotContain(61678.7);
        assertThat(pulledAt(anyApproach, 13)).extracting(SpoofEvidence::price).doesNotContain(61678.7);
        assertThat(pulledAt(results, 13)).isEmpty();
    }

    @Test
    void bidWallsThePriceFellThroughAreNoEvidence() {
        // 20.288 … 34.749 BTC at 61666.0 from 23:56:16.493 to 23:57:46.493 (ten books); by 23:57:56.493 the price
        // had fallen through it (best bid 61633.9), with five more walls of 10x or more
        assertThat(results.get(21).whaleBids()).anySatisfy(w -> {
            assertThat(w.price()).isEqualTo(61666.0);
            assertThat(w.quantity()).isEqualTo(20.321);
            assertThat(w.firstSeen()).isEqualTo(t(12));
        });
        assertThat(results.get(22).bestBid()).isEqualTo(61633.9);
        assertThat(pulledAt(results, 22)).isEmpty();
        assertThat(pulledAt(anyApproach, 22)).isEmpty();
    }
}
