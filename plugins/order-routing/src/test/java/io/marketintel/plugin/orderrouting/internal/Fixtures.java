package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.SymbolInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made symbols, books and klines. */
final class Fixtures {

    /** 2025-03-03T00:00:00Z. */
    static final long T0 = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();

    private Fixtures() {
    }

    /** BTCUSDT with Binance's USDⓈ-M filters: tick 0.10, step 0.001, minQty 0.001, MIN_NOTIONAL 100, maxQty 1000 / 120. */
    static SymbolInfo btc() {
        return symbol("BTCUSDT", "0.10", "556.80", "4529764", "0.001", "0.001", "1000", "120", "100");
    }

    /** A round test symbol: tick 0.01, step 0.1, minQty 0.1, MIN_NOTIONAL 15, maxQty 1000 (market 50). */
    static SymbolInfo test() {
        return symbol("TESTUSDT", "0.01", "0.01", "1000000", "0.1", "0.1", "1000", "50", "15");
    }

    static SymbolInfo symbol(String name, String tick, String minPrice, String maxPrice, String step, String minQty,
                             String maxQty, String marketMaxQty, String minNotional) {
        return new SymbolInfo(name, name, "PERPETUAL", "TRADING", name.replace("USDT", ""), "USDT", "USDT", 2, 3,
                new BigDecimal(tick), new BigDecimal(minPrice), new BigDecimal(maxPrice), new BigDecimal(step),
                new BigDecimal(minQty), new BigDecimal(maxQty), new BigDecimal(step), new BigDecimal(minQty),
                new BigDecimal(marketMaxQty), new BigDecimal(minNotional));
    }

    /**
     * A small book around 100:
     * <pre>
     *   asks 100.01 × 1.0, 100.02 × 2.0, 100.05 × 3.0, 100.10 × 10.0
     *   bids  99.99 × 1.5,  99.98 × 2.5,  99.95 × 4.0,  99.90 × 10.0
     * </pre>
     * mid 100.00, spread 0.02 = 2 bps.
     */
    static OrderBook book(String symbol) {
        return new OrderBook(symbol, 1, T0, T0,
                FakeMarketData.levels(new double[][] {{99.99, 1.5}, {99.98, 2.5}, {99.95, 4.0}, {99.90, 10.0}}),
                FakeMarketData.levels(new double[][] {{100.01, 1.0}, {100.02, 2.0}, {100.05, 3.0}, {100.10, 10.0}}));
    }

    static double[][] bids() {
        return new double[][] {{99.99, 1.5}, {99.98, 2.5}, {99.95, 4.0}, {99.90, 10.0}};
    }

    static double[][] asks() {
        return new double[][] {{100.01, 1.0}, {100.02, 2.0}, {100.05, 3.0}, {100.10, 10.0}};
    }

    /** Closed 1-minute klines ending before {@code T0}, with these closes (open = previous close). */
    static List<Kline> minutes(double... closes) {
        List<Kline> out = new ArrayList<>();
        long start = T0 - closes.length * 60_000L;
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            double o = i == 0 ? c : closes[i - 1];
            long open = start + i * 60_000L;
            out.add(new Kline(open, o, Math.max(o, c), Math.min(o, c), c, 10, open + 59_999, 10 * c, 1, 5, 5 * c));
        }
        return out;
    }
}
