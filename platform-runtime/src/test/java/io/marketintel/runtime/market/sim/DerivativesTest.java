package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static io.marketintel.runtime.market.sim.SimTesting.relativelyEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.marketintel.runtime.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivativesTest {

    private static final String NOW = "2024-10-20T14:17:42Z";
    private static final long HOUR = 3_600_000L;

    @Test
    void fundingIntervalIsInferableFromHistory() {
        long now = Instant.parse(NOW).toEpochMilli();
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        Map<String, Long> expected = Map.of("BTCUSDT", 8 * HOUR, "ETHUSDT", 8 * HOUR, "DOGEUSDT", 4 * HOUR);
        expected.forEach((symbol, interval) -> {
            List<FundingRate> history = ok(m.fundingRateHistory(symbol, 100));
            assertThat(history).hasSize(100);
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).fundingTime() - history.get(i - 1).fundingTime()).as(symbol).isEqualTo(interval);
            }
            FundingRate last = history.get(history.size() - 1);
            assertThat(last.fundingTime() % interval).isZero();
            assertThat(last.fundingTime()).isLessThanOrEqualTo(now).isGreaterThan(now - interval);
            assertThat(last.symbol()).isEqualTo(symbol);
            PremiumIndex p = ok(m.premiumIndex(symbol));
            assertThat(p.nextFundingTime()).isEqualTo(last.fundingTime() + interval);
        });
        // nothing settles before genesis + one interval
        SimulatedMarket early = SimTesting.market(MutableClock.at("2024-01-01T09:00:00Z"));
        List<FundingRate> first = ok(early.fundingRateHistory("BTCUSDT", 1000));
        assertThat(first).extracting(FundingRate::fundingTime)
                .containsExactly(Instant.parse("2024-01-01T08:00:00Z").toEpochMilli());
    }

    @Test
    void fundingFollowsTheRegime() {
        SimulatedMarket m = SimTesting.market(MutableClock.at("2025-01-01T00:00:00Z"));
        Map<Regime, double[]> byRegime = new EnumMap<>(Regime.class);
        double max = 0;
        for (String symbol : m.symbols()) {
            for (FundingRate f : ok(m.fundingRateHistory(symbol, 1000))) {
                assertThat(Math.abs(f.fundingRate())).isLessThanOrEqualTo(0.0075);
                double[] s = byRegime.computeIfAbsent(m.regime(symbol, f.fundingTime() - 1), r -> new double[2]);
                s[0]++;
                s[1] += f.fundingRate();
                max = Math.max(max, f.fundingRate());
            }
        }
        assertThat(byRegime.get(Regime.TREND_UP)[1] / byRegime.get(Regime.TREND_UP)[0]).isBetween(0.0005, 0.002);
        assertThat(byRegime.get(Regime.TREND_DOWN)[1] / byRegime.get(Regime.TREND_DOWN)[0]).isNegative();
        assertThat(byRegime.get(Regime.RANGE)[1] / byRegime.get(Regime.RANGE)[0]).isBetween(0.0, 0.0003);
        assertThat(max).isGreaterThan(0.0015);
    }

    @Test
    void premiumIndexIsCloseToTheLastPrice() {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        List<PremiumIndex> all = ok(m.premiumIndexAll());
        assertThat(all).extracting(PremiumIndex::symbol).containsExactlyElementsOf(m.symbols());
        for (PremiumIndex p : all) {
            double last = ok(m.klines(p.symbol(), Interval.M1, 1)).get(0).close();
            assertThat(p.markPrice() / last).isCloseTo(1, within(0.001));
            assertThat(p.indexPrice() / p.markPrice()).isCloseTo(1, within(0.015));
            assertThat(p.lastFundingRate()).isBetween(-0.0075, 0.0075);
            assertThat(p.interestRate()).isEqualTo(p.symbol().equals("DOGEUSDT") ? 0.00005 : 0.0001);
            assertThat(p.time()).isEqualTo(Instant.parse(NOW).toEpochMilli());
        }
    }

    @Test
    void openInterestHistoryIsValuedAtThePrice() {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        List<OpenInterestPoint> points = ok(m.openInterestHistory("ETHUSDT", Period.M5, 100));
        assertThat(points).hasSize(100);
        Map<Long, Kline> minutes = new HashMap<>();
        for (Kline k : ok(m.klines("ETHUSDT", Interval.M1, 600))) {
            minutes.put(k.openTime(), k);
        }
        for (int i = 0; i < points.size(); i++) {
            OpenInterestPoint p = points.get(i);
            assertThat(p.timestamp() % Period.M5.millis()).isZero();
            if (i > 0) {
                assertThat(p.timestamp() - points.get(i - 1).timestamp()).isEqualTo(Period.M5.millis());
            }
            double price = minutes.get(p.timestamp()).open();
            assertThat(relativelyEqual(p.sumOpenInterest() * price, p.sumOpenInterestValue(), 1e-12)).isTrue();
            assertThat(p.sumOpenInterest()).isBetween(300_000.0, 8_000_000.0);
        }
        assertThat(points.get(99).timestamp()).isLessThanOrEqualTo(Instant.parse(NOW).toEpochMilli());
        assertThat(ok(m.openInterest("ETHUSDT")).openInterest()).isPositive();
    }

    @Test
    void openInterestBuildsInTrendsAndFlushesInHighVolatility() {
        MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
        SimulatedMarket m = SimTesting.market(clock);
        Map<Regime, double[]> change = new EnumMap<>(Regime.class);
        for (int window = 1; window <= 8; window++) {
            clock.set(Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(500L * window)));
            List<OpenInterestPoint> h = ok(m.openInterestHistory("BTCUSDT", Period.H1, 500));
            for (int i = 1; i < h.size(); i++) {
                Regime r = m.regime("BTCUSDT", h.get(i).timestamp() - 1);
                double[] s = change.computeIfAbsent(r, x -> new double[2]);
                s[0]++;
                s[1] += Math.log(h.get(i).sumOpenInterest() / h.get(i - 1).sumOpenInterest());
            }
        }
        double up = change.get(Regime.TREND_UP)[1] / change.get(Regime.TREND_UP)[0];
        double high = change.get(Regime.HIGH_VOLATILITY)[1] / change.get(Regime.HIGH_VOLATILITY)[0];
        assertThat(up).isPositive();
        assertThat(high).isNegative();
    }

    @Test
    void longShortRatiosAreConsistentAndLeanAsRetailAndSmartMoneyDo() {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        List<Kline> hours = ok(m.klines("BTCUSDT", Interval.H1, 600));
        Map<Long, Double> closeAt = new HashMap<>();
        for (Kline k : hours) {
            closeAt.put(k.closeTime() + 1, k.close());
        }
        Map<RatioSeries, Double> lean = new EnumMap<>(RatioSeries.class);
        for (RatioSeries series : RatioSeries.values()) {
            List<LongShortRatio> points = ok(m.longShortRatio("BTCUSDT", series, Period.H1, 500));
            assertThat(points).hasSize(500);
            double[] moves = new double[points.size()];
            double[] longs = new double[points.size()];
            int n = 0;
            for (LongShortRatio p : points) {
                assertThat(p.longAccount() + p.shortAccount()).isCloseTo(1.0, within(1e-12));
                assertThat(p.longShortRatio()).isCloseTo(p.longAccount() / p.shortAccount(), within(1e-4));
                assertThat(p.longAccount()).isBetween(0.2, 0.85);
                Double now = closeAt.get(p.timestamp());
                Double dayAgo = closeAt.get(p.timestamp() - 24 * HOUR);
                if (now != null && dayAgo != null) {
                    moves[n] = Math.log(now / dayAgo);
                    longs[n] = p.longAccount();
                    n++;
                }
            }
            assertThat(n).isGreaterThan(400);
            lean.put(series, SimTesting.correlation(java.util.Arrays.copyOf(moves, n), java.util.Arrays.copyOf(longs, n)));
        }
        assertThat(lean.get(RatioSeries.GLOBAL_ACCOUNT)).as("retail leans against the move").isLessThan(-0.3);
        assertThat(lean.get(RatioSeries.TOP_POSITION)).as("smart money leans with it").isGreaterThan(0.3);
    }

    @Test
    void takerVolumeIsTheKlineVolumeAndFollowsTheReturn() {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        for (Period period : List.of(Period.M5, Period.H1, Period.D1)) {
            Interval interval = Interval.fromCode(period.code()).orElseThrow();
            List<TakerVolumeRatio> points = ok(m.takerBuySellRatio("SOLUSDT", period, 200));
            assertThat(points).hasSize(200);
            Map<Long, Kline> klines = new HashMap<>();
            for (Kline k : ok(m.klines("SOLUSDT", interval, 400))) {
                klines.put(k.openTime(), k);
            }
            double upRatio = 0;
            int ups = 0;
            double downRatio = 0;
            int downs = 0;
            for (TakerVolumeRatio p : points) {
                Kline k = klines.get(p.timestamp());
                assertThat(k.isClosedAt(Instant.parse(NOW).toEpochMilli())).isTrue();
                assertThat(relativelyEqual(k.volume(), p.buyVol() + p.sellVol(), 1e-9)).isTrue();
                assertThat(relativelyEqual(k.takerBuyBaseVolume(), p.buyVol(), 1e-12)).isTrue();
                assertThat(p.buySellRatio()).isCloseTo(p.buyVol() / p.sellVol(), within(1e-4));
                if (k.close() > k.open()) {
                    upRatio += Math.log(p.buySellRatio());
                    ups++;
                } else if (k.close() < k.open()) {
                    downRatio += Math.log(p.buySellRatio());
                    downs++;
                }
            }
            assertThat(upRatio / ups).as(period.code()).isPositive();
            assertThat(downRatio / downs).as(period.code()).isNegative();
        }
    }

    @Test
    void tickerIsTheLastDayOfMinutes() {
        long now = Instant.parse(NOW).toEpochMilli();
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        for (String symbol : List.of("BTCUSDT", "DOGEUSDT")) {
            List<Kline> minutes = ok(m.klines(symbol, Interval.M1, 1440));
            Ticker24h t = ok(m.ticker24h(symbol));
            double high = 0;
            double low = Double.MAX_VALUE;
            double volume = 0;
            double quote = 0;
            long count = 0;
            for (Kline k : minutes) {
                high = Math.max(high, k.high());
                low = Math.min(low, k.low());
                volume += k.volume();
                quote += k.quoteVolume();
                count += k.trades();
            }
            assertThat(t.openPrice()).isEqualTo(minutes.get(0).open());
            assertThat(t.lastPrice()).isEqualTo(minutes.get(1439).close());
            assertThat(t.highPrice()).isEqualTo(high);
            assertThat(t.lowPrice()).isEqualTo(low);
            assertThat(relativelyEqual(volume, t.volume(), 1e-9)).isTrue();
            assertThat(relativelyEqual(quote / volume, t.weightedAvgPrice(), 1e-9)).isTrue();
            assertThat(t.count()).isEqualTo(count);
            assertThat(t.openTime()).isEqualTo(minutes.get(0).openTime());
            assertThat(t.closeTime()).isEqualTo(now);
            assertThat(t.priceChange()).isCloseTo(t.lastPrice() - t.openPrice(), within(1e-9));
            assertThat(t.priceChangePercent()).isCloseTo(100 * (t.lastPrice() - t.openPrice()) / t.openPrice(), within(0.001));
        }
        assertThat(ok(m.tickers24h())).hasSize(10).contains(ok(m.ticker24h("BTCUSDT")));
    }
}
