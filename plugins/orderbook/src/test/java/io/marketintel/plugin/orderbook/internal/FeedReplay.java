package io.marketintel.plugin.orderbook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Replays a recorded Binance USDⓈ-M feed ({@code ../shared/data/binance/orderbook/*_feed.gz}: lines
 * {@code <local_ns> <json>}, one REST depth snapshot among {@code depthUpdate} diffs) into a local order book the
 * way Binance documents it ("How to manage a local order book correctly"):
 * <ol>
 *   <li>diffs are buffered until the REST snapshot is there;</li>
 *   <li>diffs with {@code u < lastUpdateId} are dropped;</li>
 *   <li>the first diff applied must have {@code U ≤ lastUpdateId ≤ u};</li>
 *   <li>every later diff must have {@code pu} equal to the previous diff's {@code u};</li>
 *   <li>quantities are absolute; quantity 0 removes the level.</li>
 * </ol>
 * A break of the procedure fails the replay (the recorded feed has none). Every {@code everyMillis} of matching
 * engine time from the REST snapshot's {@code T} on, the book as of that moment (all diffs with {@code T} up to it
 * applied) is taken as an {@link OrderBook} of the best {@code depth} levels a side, timed by the moment.
 * Test-only.
 */
final class FeedReplay {

    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    private FeedReplay() {
    }

    /**
     * The book every {@code everyMillis} from the snapshot's matching-engine time to the last diff's.
     *
     * @param feed   a gzip feed file
     * @param symbol symbol of the snapshots made
     */
    static List<OrderBook> snapshots(Path feed, String symbol, long everyMillis, int depth) throws IOException {
        return new FeedReplay().run(feed, symbol, everyMillis, depth);
    }

    private List<OrderBook> run(Path feed, String symbol, long everyMillis, int depth) throws IOException {
        List<JsonNode> buffered = new ArrayList<>();
        List<OrderBook> out = new ArrayList<>();
        long lastUpdateId = -1;
        long previousU = -1;
        long next = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(feed)), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String json = line.substring(line.indexOf(' ') + 1);
                if (json.startsWith("{\"lastUpdateId\"")) {
                    JsonNode snap = TestJson.mapper().readTree(json);
                    if (lastUpdateId >= 0) {
                        throw new IllegalStateException("a second REST snapshot in " + feed);
                    }
                    lastUpdateId = snap.get("lastUpdateId").asLong();
                    load(snap.get("bids"), bids);
                    load(snap.get("asks"), asks);
                    next = snap.get("T").asLong();
                    continue;
                }
                if (!json.contains("\"e\":\"depthUpdate\"")) {
                    continue;                                           // bookTicker, trade
                }
                JsonNode event = TestJson.mapper().readTree(json).get("data");
                if (lastUpdateId < 0) {
                    buffered.add(event);
                    continue;
                }
                List<JsonNode> pending = new ArrayList<>(buffered);
                buffered.clear();
                pending.add(event);
                for (JsonNode e : pending) {
                    long firstU = e.get("U").asLong();
                    long u = e.get("u").asLong();
                    if (u < lastUpdateId) {
                        continue;                                       // older than the snapshot
                    }
                    if (previousU < 0) {
                        if (firstU > lastUpdateId) {
                            throw new IllegalStateException("gap after the snapshot: first diff U=" + firstU
                                    + " > lastUpdateId " + lastUpdateId);
                        }
                    } else if (e.get("pu").asLong() != previousU) {
                        throw new IllegalStateException("broken diff chain: pu=" + e.get("pu").asLong()
                                + " after u=" + previousU);
                    }
                    long t = e.get("T").asLong();
                    while (t > next) {                                  // the book as of 'next' is complete
                        out.add(book(symbol, previousU < 0 ? lastUpdateId : previousU, next, depth));
                        next += everyMillis;
                    }
                    apply(e.get("b"), bids);
                    apply(e.get("a"), asks);
                    previousU = u;
                }
            }
        }
        if (lastUpdateId < 0) {
            throw new IllegalStateException("no REST snapshot in " + feed);
        }
        return out;
    }

    private static void load(JsonNode levels, Map<BigDecimal, BigDecimal> side) {
        for (JsonNode l : levels) {
            side.put(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText()));
        }
    }

    private static void apply(JsonNode levels, Map<BigDecimal, BigDecimal> side) {
        for (JsonNode l : levels) {
            BigDecimal price = new BigDecimal(l.get(0).asText());
            BigDecimal qty = new BigDecimal(l.get(1).asText());
            if (qty.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
        }
    }

    private OrderBook book(String symbol, long updateId, long time, int depth) {
        return new OrderBook(symbol, updateId, time, time, top(bids, depth), top(asks, depth));
    }

    private static List<PriceLevel> top(TreeMap<BigDecimal, BigDecimal> side, int depth) {
        List<PriceLevel> out = new ArrayList<>(depth);
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new PriceLevel(e.getKey().doubleValue(), e.getValue().doubleValue()));
        }
        return out;
    }
}
