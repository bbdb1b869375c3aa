package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made exchange and market records. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    static final String ETH = "ETHUSDT";
    static final String SOL = "SOLUSDT";
    static final String BNB = "BNBUSDT";
    static final String XRP = "XRPUSDT";
    /** 2024-08-08T00:00:00Z. */
    static final long T0 = Instant.parse("2024-08-08T00:00:00Z").toEpochMilli();
    /** The test clock's time: 2024-08-08T12:00:30Z, in the middle of no candle boundary. */
    static final long NOW = T0 + 12 * 3_600_000L + 30_000L;
    static final long H1 = Interval.H1.millis();

    /** Symbols with the filters orders respect: step (market step), min and market max quantity. */
    static final List<SymbolInfo> SYMBOLS = List.of(
            symbol(BTC, "0.10", "0.001", "0.001", "120"),
            symbol(ETH, "0.01", "0.001", "0.001", "2000"),
            symbol(SOL, "0.0100", "1", "1", "5000"),
            symbol(BNB, "0.010", "0.01", "0.01", "2000"),
            symbol(XRP, "0.0001", "0.1", "0.1", "2000000"),
            symbol("LINKUSDT", "0.001", "0.01", "0.01", "10000"),
            symbol("DOGEUSDT", "0.000010", "1", "1", "30000000"),
            symbol("NEWUSDT", "0.0001", "1", "1", "1000000"));

    private Fixtures() {
    }

    static SymbolInfo symbol(String name, String tick, String step, String minQty, String marketMax) {
        return new SymbolInfo(name, name, "PERPETUAL", "TRADING", name.replace("USDT", ""), "USDT", "USDT", 2, 3,
                new BigDecimal(tick), new BigDecimal(tick), new BigDecimal("1000000"), new BigDecimal(step),
                new BigDecimal(minQty), new BigDecimal("1000000"), new BigDecimal(step), new BigDecimal(minQty),
                new BigDecimal(marketMax), new BigDecimal("5"));
    }

    /** An account: wallet, unrealised PnL, equity = wallet + unrealised. */
    static Account account(double wallet, double unrealized) {
        return new Account(bd(wallet), bd(unrealized), bd(wallet + unrealized), BigDecimal.ZERO, BigDecimal.ZERO,
                bd(wallet), T0);
    }

    /**
     * A cross position of signed {@code qty} entered at {@code entry}, marked at {@code mark}, no liquidation price
     * from the exchange; unrealised PnL {@code qty × (mark − entry)}, notional {@code qty × mark}.
     */
    static Position position(String symbol, String qty, double entry, double mark, int leverage) {
        BigDecimal q = new BigDecimal(qty);
        return new Position(symbol, q, bd(entry), bd(mark), q.multiply(bd(mark).subtract(bd(entry))), BigDecimal.ZERO,
                leverage, MarginType.CROSS, BigDecimal.ZERO, q.multiply(bd(mark)), T0);
    }

    /** {@code p} with the exchange's liquidation price. */
    static Position liquidatingAt(Position p, double lp) {
        return new Position(p.symbol(), p.positionAmt(), p.entryPrice(), p.markPrice(), p.unrealizedProfit(), bd(lp),
                p.leverage(), p.marginType(), p.isolatedMargin(), p.notional(), p.updateTime());
    }

    /** {@code p} isolated with margin {@code isolatedMargin} (isolated wallet + unrealised PnL, as Binance reports). */
    static Position isolated(Position p, double isolatedMargin) {
        return new Position(p.symbol(), p.positionAmt(), p.entryPrice(), p.markPrice(), p.unrealizedProfit(),
                p.liquidationPrice(), p.leverage(), MarginType.ISOLATED, bd(isolatedMargin), p.notional(),
                p.updateTime());
    }

    /** {@code p} with another size (same prices). */
    static Position resized(Position p, BigDecimal qty) {
        return new Position(p.symbol(), qty, p.entryPrice(), p.markPrice(),
                qty.multiply(p.markPrice().subtract(p.entryPrice())), p.liquidationPrice(), p.leverage(),
                p.marginType(), p.isolatedMargin(), qty.multiply(p.markPrice()), p.updateTime());
    }

    /** {@code p} with another leverage setting. */
    static Position withLeverage(Position p, int leverage) {
        return new Position(p.symbol(), p.positionAmt(), p.entryPrice(), p.markPrice(), p.unrealizedProfit(),
                p.liquidationPrice(), leverage, p.marginType(), p.isolatedMargin(), p.notional(), p.updateTime());
    }

    /** A bracket. */
    static LeverageBracket bracket(int n, int leverage, double floor, double cap, double mmr, double cum) {
        return new LeverageBracket(n, leverage, cap, floor, mmr, cum);
    }

    /** BTC-like brackets: [0, 50 000) 0.4 % cum 0; [50 000, 600 000) 0.5 % cum 50; beyond 1 % cum 3 050. */
    static List<LeverageBracket> btcBrackets() {
        return List.of(bracket(1, 125, 0, 50_000, 0.004, 0), bracket(2, 100, 50_000, 600_000, 0.005, 50),
                bracket(3, 75, 600_000, 3_000_000, 0.01, 3_050));
    }

    /** One bracket of 0.5 %, cum 0, for every notional. */
    static List<LeverageBracket> flatBrackets() {
        return List.of(bracket(1, 50, 0, 1e12, 0.005, 0));
    }

    /**
     * Closed 1h candles ending before {@link #NOW}, oldest first, whose closes follow {@code returns} from 100:
     * close[0] = 100, close[i] = close[i−1] × (1 + returns[i−1]).
     */
    static List<Kline> candles(double... returns) {
        int n = returns.length + 1;
        long lastOpen = Interval.H1.openTimeOf(NOW) - H1;
        List<Kline> out = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                close = close * (1 + returns[i - 1]);
            }
            long open = lastOpen - (long) (n - 1 - i) * H1;
            out.add(new Kline(open, close, close, close, close, 10, open + H1 - 1, 10 * close, 10, 5, 5 * close));
        }
        return out;
    }

    /** {@code n} returns repeating {@code pattern}. */
    static double[] repeat(int n, double... pattern) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = pattern[i % pattern.length];
        }
        return out;
    }

    /** A premium index of mark (and index and settlement) price {@code mark}, funding 0.01 %, at {@link #T0}. */
    static PremiumIndex markedAt(String symbol, double mark) {
        return new PremiumIndex(symbol, mark, mark, mark, 0.0001, 0.0001, T0, T0);
    }

    /** An operation request without path value. */
    static OperationRequest request(Map<String, ?> params) {
        return new OperationRequest(null, Params.of(params));
    }

    /** The value of an already completed, successful future. */
    static <T> T done(Future<T> f) {
        assertThat(f.isComplete()).as("future completed").isTrue();
        if (f.failed()) {
            throw new AssertionError("expected success, failed with " + f.cause(), f.cause());
        }
        return f.result();
    }

    /** The cause of an already completed, failed future. */
    static Throwable failure(Future<?> f) {
        assertThat(f.isComplete()).as("future completed").isTrue();
        assertThat(f.failed()).as("future failed, result was %s", f.succeeded() ? f.result() : null).isTrue();
        return f.cause();
    }

    static BigDecimal bd(double v) {
        return BigDecimal.valueOf(v);
    }
}
