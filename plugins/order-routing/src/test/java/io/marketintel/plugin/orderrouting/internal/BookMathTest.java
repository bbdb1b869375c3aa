package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.OrderBook;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Walking a known book: VWAP, impact, depth, volatility, all computed by hand. */
class BookMathTest {

    private final OrderBook book = Fixtures.book("TESTUSDT");

    @Test
    void aBuyWalksTheAsks() {
        // 4.5 = 1.0 @ 100.01 + 2.0 @ 100.02 + 1.5 @ 100.05 = 100.01 + 200.04 + 150.075 = 450.125 → VWAP 100.027777…
        BookMath.Walk w = BookMath.walk(book, Side.BUY, new BigDecimal("4.5"), null);
        assertThat(w.filled()).isEqualByComparingTo("4.5");
        assertThat(w.quote()).isEqualByComparingTo("450.125");
        assertThat(w.vwap()).isCloseTo(100.0277777778, within(1e-9));
        assertThat(w.worstPrice()).isEqualTo(100.05);
        assertThat(w.levels()).isEqualTo(3);
        assertThat(w.exhausted()).isFalse();
        // against the mid 100.00: (100.027777… − 100) / 100 × 10000 = 2.7777… bps
        assertThat(BookMath.costBps(Side.BUY, book.mid(), w.vwap())).isCloseTo(2.7777777778, within(1e-6));
    }

    @Test
    void aSellWalksTheBids() {
        // 3 = 1.5 @ 99.99 + 1.5 @ 99.98 = 149.985 + 149.97 = 299.955 → VWAP 99.985; cost (100 − 99.985) / 100 = 1.5 bps
        BookMath.Walk w = BookMath.walk(book, Side.SELL, new BigDecimal("3"), null);
        assertThat(w.quote()).isEqualByComparingTo("299.955");
        assertThat(w.vwap()).isCloseTo(99.985, within(1e-12));
        assertThat(BookMath.costBps(Side.SELL, book.mid(), w.vwap())).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void aLimitStopsTheWalkAndAnExhaustedBookSaysSo() {
        BookMath.Walk limited = BookMath.walk(book, Side.BUY, new BigDecimal("5"), new BigDecimal("100.02"));
        assertThat(limited.filled()).isEqualByComparingTo("3.0");
        assertThat(limited.exhausted()).isTrue();
        BookMath.Walk all = BookMath.walk(book, Side.BUY, new BigDecimal("20"), null);
        // 1 + 2 + 3 + 10 = 16 of 20; quote 100.01 + 200.04 + 300.15 + 1001 = 1601.2
        assertThat(all.filled()).isEqualByComparingTo("16");
        assertThat(all.quote()).isEqualByComparingTo("1601.2");
        assertThat(all.exhausted()).isTrue();
    }

    @Test
    void spreadAndDepthWithinABand() {
        assertThat(BookMath.spreadBps(book)).isCloseTo(2.0, within(1e-9));
        // ±0.05 % of 100 = [99.95, 100.05]: asks 1 + 2 + 3 = 6, bids 1.5 + 2.5 + 4 = 8
        assertThat(BookMath.depthWithin(book.asks(), 100, 0.05)).isEqualTo(6.0);
        assertThat(BookMath.depthWithin(book.bids(), 100, 0.05)).isEqualTo(8.0);
    }

    @Test
    void volatilityIsTheSampleStdevOfLogReturnsInBps() {
        // closes 100, 101, 100, 101: returns r = ln(1.01) = 0.0099503309, −r, r; mean r/3 = 0.0033167770;
        // squared deviations 4.40040e-5, 1.760162e-4, 4.40040e-5; sum 2.640241e-4 / (3 − 1) → stdev 0.0114896524
        double v = BookMath.volatilityBps(Fixtures.minutes(100, 101, 100, 101));
        double r = Math.log(1.01);
        double mean = r / 3;
        double expected = Math.sqrt((2 * Math.pow(r - mean, 2) + Math.pow(-r - mean, 2)) / 2) * 10_000;
        assertThat(v).isCloseTo(expected, within(1e-9)).isCloseTo(114.8965, within(1e-3));
        assertThat(BookMath.volatilityBps(Fixtures.minutes(100, 101))).isNaN();
    }
}
