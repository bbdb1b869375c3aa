package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.runtime.MutableClock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Correlation, regimes and price levels behave like a crypto market. */
class MarketDynamicsTest {

    private static final String NOW = "2024-09-01T00:00:00Z";

    private static List<Kline> hoursSinceGenesis(SimulatedMarket m, String symbol, long now) {
        List<Kline> out = new ArrayList<>();
        long t = m.settings().genesis().toEpochMilli();
        while (t <= now) {
            List<Kline> page = ok(m.klines(symbol, Interval.H1, t, now, 1500));
            if (page.isEmpty()) {
                break;
            }
            out.addAll(page);
            t = page.get(page.size() - 1).openTime() + Interval.H1.millis();
        }
        return out;
    }

    @Test
    void btcAndEthMoveTogetherAltsLess() {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        double[] btc = SimTesting.logReturns(ok(m.klines("BTCUSDT", Interval.H1, 1500)));
        double[] eth = SimTesting.logReturns(ok(m.klines("ETHUSDT", Interval.H1, 1500)));
        double btcEth = SimTesting.correlation(btc, eth);
        assertThat(btcEth).isBetween(0.7, 0.9);
        for (String alt : List.of("DOGEUSDT", "ADAUSDT", "LTCUSDT", "XRPUSDT")) {
            double[] a = SimTesting.logReturns(ok(m.klines(alt, Interval.H1, 1500)));
            assertThat(SimTesting.correlation(btc, a)).as(alt).isBetween(0.3, btcEth);
        }
    }

    @Test
    void everyRegimeAppearsAndTrendsDriftTheirWay() {
        long now = java.time.Instant.parse(NOW).toEpochMilli();
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        for (String symbol : List.of("BTCUSDT", "SOLUSDT")) {
            List<Kline> hours = hoursSinceGenesis(m, symbol, now);
            assertThat(hours.size()).isGreaterThan(5000);
            Map<Regime, double[]> sums = new EnumMap<>(Regime.class);
            for (Kline h : hours) {
                if (!h.isClosedAt(now)) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(m.regime(symbol, h.openTime()), r -> new double[2]);
                s[0]++;
                s[1] += Math.log(h.close() / h.open());
            }
            assertThat(sums.keySet()).as(symbol).isEqualTo(EnumSet.allOf(Regime.class));
            double up = sums.get(Regime.TREND_UP)[1] / sums.get(Regime.TREND_UP)[0];
            double down = sums.get(Regime.TREND_DOWN)[1] / sums.get(Regime.TREND_DOWN)[0];
            assertThat(up).as(symbol + " mean hourly return in TREND_UP").isGreaterThan(0.0005);
            assertThat(down).as(symbol + " mean hourly return in TREND_DOWN").isLessThan(-0.0005);
        }
    }

    @Test
    void trendsLookTrendingToAdxAndRangesDoNot() {
        long now = java.time.Instant.parse(NOW).toEpochMilli();
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        List<Kline> hours = hoursSinceGenesis(m, "BTCUSDT", now);
        double[] adx = adx(hours, 14);
        Map<Regime, double[]> mean = new EnumMap<>(Regime.class);
        for (int i = 50; i < hours.size(); i++) {
            Regime r = m.regime("BTCUSDT", hours.get(i).openTime());
            if (r != m.regime("BTCUSDT", hours.get(i - 24).openTime())) {
                continue; // judge a regime a day after it began
            }
            double[] s = mean.computeIfAbsent(r, x -> new double[2]);
            s[0]++;
            s[1] += adx[i];
        }
        double trendUp = mean.get(Regime.TREND_UP)[1] / mean.get(Regime.TREND_UP)[0];
        double trendDown = mean.get(Regime.TREND_DOWN)[1] / mean.get(Regime.TREND_DOWN)[0];
        double range = mean.get(Regime.RANGE)[1] / mean.get(Regime.RANGE)[0];
        assertThat(trendUp).isGreaterThan(25);
        assertThat(trendDown).isGreaterThan(25);
        assertThat(range).isLessThan(Math.min(trendUp, trendDown) - 5);
    }

    @Test
    void trendsLookTrendingToMovingAverages() {
        long now = java.time.Instant.parse(NOW).toEpochMilli();
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            List<Kline> hours = hoursSinceGenesis(m, symbol, now);
            double fast = hours.get(0).close();
            double slow = fast;
            int[] aligned = new int[2];
            int[] total = new int[2];
            for (int i = 1; i < hours.size(); i++) {
                double close = hours.get(i).close();
                fast += 2.0 / 21 * (close - fast);
                slow += 2.0 / 51 * (close - slow);
                Regime r = m.regime(symbol, hours.get(i).openTime());
                if (i < 60 || !r.trending() || r != m.regime(symbol, hours.get(i - 24).openTime())) {
                    continue;
                }
                int k = r == Regime.TREND_UP ? 0 : 1;
                total[k]++;
                if (r == Regime.TREND_UP ? fast > slow : fast < slow) {
                    aligned[k]++;
                }
            }
            assertThat((double) aligned[0] / total[0]).as(symbol + " EMA20 above EMA50 in TREND_UP").isGreaterThan(0.75);
            assertThat((double) aligned[1] / total[1]).as(symbol + " EMA20 below EMA50 in TREND_DOWN").isGreaterThan(0.75);
        }
    }

    @Test
    void highVolatilityIsMoreVolatile() {
        long now = java.time.Instant.parse(NOW).toEpochMilli();
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        Map<Regime, double[]> sq = new EnumMap<>(Regime.class);
        for (Kline h : hoursSinceGenesis(m, "ETHUSDT", now)) {
            double r = Math.log(h.close() / h.open());
            double[] s = sq.computeIfAbsent(m.regime("ETHUSDT", h.openTime()), x -> new double[2]);
            s[0]++;
            s[1] += r * r;
        }
        double high = Math.sqrt(sq.get(Regime.HIGH_VOLATILITY)[1] / sq.get(Regime.HIGH_VOLATILITY)[0]);
        double range = Math.sqrt(sq.get(Regime.RANGE)[1] / sq.get(Regime.RANGE)[0]);
        double low = Math.sqrt(sq.get(Regime.LOW_VOLATILITY)[1] / sq.get(Regime.LOW_VOLATILITY)[0]);
        assertThat(high).isGreaterThan(2 * range);
        assertThat(low).isLessThan(range);
    }

    @Test
    void pricesStayRealisticForYears() {
        SimulatedMarket m = SimTesting.market(MutableClock.at("2027-12-31T00:00:00Z"));
        Map<String, double[]> bands = Map.of(
                "BTCUSDT", new double[] {15_000, 240_000},
                "ETHUSDT", new double[] {750, 12_000},
                "DOGEUSDT", new double[] {0.03, 0.48},
                "XRPUSDT", new double[] {0.13, 2.2});
        bands.forEach((symbol, band) -> {
            List<Kline> weeks = ok(m.klines(symbol, Interval.W1, 1500));
            assertThat(weeks.size()).isGreaterThan(200);
            for (Kline w : weeks) {
                assertThat(w.low()).as(symbol).isGreaterThan(band[0]);
                assertThat(w.high()).as(symbol).isLessThan(band[1]);
            }
        });
    }

    /** Wilder's ADX, seeded with sums over the first {@code n} bars; NaN during warm-up. */
    static double[] adx(List<Kline> k, int n) {
        int size = k.size();
        double[] out = new double[size];
        java.util.Arrays.fill(out, Double.NaN);
        double tr = 0;
        double plus = 0;
        double minus = 0;
        double adx = 0;
        double dxSum = 0;
        for (int i = 1; i < size; i++) {
            double up = k.get(i).high() - k.get(i - 1).high();
            double down = k.get(i - 1).low() - k.get(i).low();
            double pdm = up > down && up > 0 ? up : 0;
            double mdm = down > up && down > 0 ? down : 0;
            double prevClose = k.get(i - 1).close();
            double t = Math.max(k.get(i).high() - k.get(i).low(),
                    Math.max(Math.abs(k.get(i).high() - prevClose), Math.abs(k.get(i).low() - prevClose)));
            if (i <= n) {
                tr += t;
                plus += pdm;
                minus += mdm;
            } else {
                tr = tr - tr / n + t;
                plus = plus - plus / n + pdm;
                minus = minus - minus / n + mdm;
            }
            if (i < n) {
                continue;
            }
            double pdi = 100 * plus / tr;
            double mdi = 100 * minus / tr;
            double dx = pdi + mdi == 0 ? 0 : 100 * Math.abs(pdi - mdi) / (pdi + mdi);
            if (i < 2 * n - 1) {
                dxSum += dx;
            } else if (i == 2 * n - 1) {
                adx = (dxSum + dx) / n;
                out[i] = adx;
            } else {
                adx = (adx * (n - 1) + dx) / n;
                out[i] = adx;
            }
        }
        return out;
    }
}
