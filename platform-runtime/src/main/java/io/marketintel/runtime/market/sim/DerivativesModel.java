package io.marketintel.runtime.market.sim;

import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.TakerVolumeRatio;
import java.util.ArrayList;
import java.util.List;

/**
 * Perpetual-futures data of one symbol derived from its {@link HourlyPath} and {@link Candles}: mark
 * and index price, funding, open interest, long/short ratios and taker volume.
 *
 * <ul>
 *   <li>Premium per hour = regime base (trend up +0.05 %, trend down −0.06 %, else about +0.01 %) +
 *   1.5 % of the 24-hour log return + AR(1) noise. Funding at each settlement is Binance's formula over
 *   the interval's mean premium P: {@code F = P + clamp(I − P, −0.05 %, 0.05 %)}, capped at ±0.75 %, with
 *   interest I = 0.01 % per 8 hours (0.005 % for a 4-hour interval).</li>
 *   <li>Open interest grows in trends, shrinks in high volatility with flushes on large moves,
 *   mean-reverts to the symbol's typical size; between hours it is interpolated plus 5-minute noise.</li>
 *   <li>Global account ratio (retail) leans against the 24-hour move; top-trader position ratio
 *   (smart money) leans with it and with the regime; top-trader account ratio sits between.</li>
 *   <li>Taker buy/sell volume of a period is exactly the period's kline taker-buy volume and the rest of
 *   its volume.</li>
 * </ul>
 */
final class DerivativesModel {

    private static final double FUNDING_CAP = 0.0075;
    private static final double FUNDING_BAND = 0.0005;
    private static final long FIVE_MINUTES = 5 * Candles.MINUTE;

    private final SymbolSpec spec;
    private final HourlyPath path;
    private final Candles candles;
    private final long seed;
    private final long genesis;
    private final double stepsPerUnit;

    DerivativesModel(SymbolSpec spec, HourlyPath path, Candles candles, SimSettings settings) {
        this.spec = spec;
        this.path = path;
        this.candles = candles;
        this.seed = settings.seed();
        this.genesis = settings.genesis().toEpochMilli();
        this.stepsPerUnit = spec.stepsPerUnit();
    }

    /** Interest rate per funding interval. */
    double interestRate() {
        return 0.0001 * spec.fundingIntervalHours() / 8.0;
    }

    /** Mark price at {@code t}: the last price within about a basis point. */
    double markPrice(long t) {
        long at = Math.max(t, genesis);
        long sec = Math.floorDiv(at - genesis, Candles.SECOND);
        return markAt(sec, candles.lastPrice(at));
    }

    /**
     * Mark price at second {@code sec} since genesis, given the last trade price {@code last} at that second:
     * what {@link #markPrice(long)} answers, without recomputing the trade price.
     */
    double markAt(long sec, double last) {
        double mark = last * (1 + 0.00008 * Rng.normal(seed, Rng.MARK, spec.key(), sec, 0));
        return round(mark, 1e8);
    }

    /** Premium (mark over index) at {@code t}. */
    double premiumAt(long t) {
        long at = Math.max(t, genesis);
        int h = candles.hourOf(at);
        HourlyPath.Snapshot s = path.upTo(h);
        long minute = Math.floorDiv(at - genesis, Candles.MINUTE);
        return s.premium[h] + 0.00004 * Rng.normal(seed, Rng.PREMIUM_MINUTE, spec.key(), minute, 0);
    }

    PremiumIndex premiumIndex(long now) {
        double mark = markPrice(now);
        double index = round(mark / (1 + premiumAt(now)), 1e8);
        long interval = spec.fundingIntervalMillis();
        long start = Math.floorDiv(Math.max(now, genesis), interval) * interval;
        // the running estimate over the current interval: whole hours so far plus the current premium
        int h0 = candles.hourOf(Math.max(start, genesis));
        int h1 = candles.hourOf(Math.max(now, genesis));
        HourlyPath.Snapshot s = path.upTo(h1);
        double sum = premiumAt(now);
        for (int h = h0; h < h1; h++) {
            sum += s.premium[h];
        }
        double rate = fundingRate(sum / (h1 - h0 + 1));
        return new PremiumIndex(spec.symbol(), mark, index, index, rate, interestRate(), start + interval, now);
    }

    /** The settled funding rate for the settlement at {@code fundingTime}. */
    double settledRate(long fundingTime) {
        long from = Math.max(fundingTime - spec.fundingIntervalMillis(), genesis);
        int h0 = candles.hourOf(from);
        int h1 = candles.hourOf(fundingTime);
        HourlyPath.Snapshot s = path.upTo(h1);
        double sum = 0;
        for (int h = h0; h < h1; h++) {
            sum += s.premium[h];
        }
        return fundingRate(sum / Math.max(1, h1 - h0));
    }

    private double fundingRate(double premium) {
        double interest = interestRate();
        double rate = premium + Math.max(-FUNDING_BAND, Math.min(FUNDING_BAND, interest - premium));
        return round(Math.max(-FUNDING_CAP, Math.min(FUNDING_CAP, rate)), 1e8);
    }

    List<FundingRate> fundingHistory(long now, int limit) {
        long interval = spec.fundingIntervalMillis();
        long last = Math.floorDiv(now, interval) * interval;
        long first = Math.max(last - (long) (limit - 1) * interval, (Math.floorDiv(genesis, interval) + 1) * interval);
        List<FundingRate> out = new ArrayList<>();
        for (long t = first; t <= last; t += interval) {
            out.add(new FundingRate(spec.symbol(), settledRate(t), t, markPrice(t)));
        }
        return out;
    }

    /** Open interest at {@code t}, base asset. */
    double openInterestAt(long t) {
        long at = Math.max(t, genesis);
        int h = candles.hourOf(at);
        HourlyPath.Snapshot s = path.upTo(h);
        double before = h == 0 ? Math.log(spec.baseOpenInterest()) : s.logOi[h - 1];
        double fraction = (double) ((at - genesis) % Candles.HOUR) / Candles.HOUR;
        double log = before + fraction * (s.logOi[h] - before)
                + 0.0015 * Rng.normal(seed, Rng.OI_NOISE, spec.key(), Math.floorDiv(at - genesis, FIVE_MINUTES), 0);
        return Math.rint(Math.exp(log) * stepsPerUnit) / stepsPerUnit;
    }

    OpenInterest openInterest(long now) {
        return new OpenInterest(spec.symbol(), openInterestAt(now), now);
    }

    List<OpenInterestPoint> openInterestHistory(Period period, long now, int limit) {
        List<OpenInterestPoint> out = new ArrayList<>(limit);
        for (long t : boundaries(period.millis(), now, limit)) {
            double oi = openInterestAt(t);
            out.add(new OpenInterestPoint(spec.symbol(), oi, oi * candles.lastPrice(t), t));
        }
        return out;
    }

    List<LongShortRatio> longShortRatio(RatioSeries series, Period period, long now, int limit) {
        List<LongShortRatio> out = new ArrayList<>(limit);
        for (long t : boundaries(period.millis(), now, limit)) {
            double share = longShare(series, t);
            long units = Math.round(share * 10_000);
            double longAccount = units / 10_000.0;
            double shortAccount = (10_000 - units) / 10_000.0;
            out.add(new LongShortRatio(spec.symbol(), round(longAccount / shortAccount, 1e4), longAccount,
                    shortAccount, t));
        }
        return out;
    }

    /** Long share of {@code series} at {@code t}. */
    double longShare(RatioSeries series, long t) {
        int h = candles.hourOf(Math.max(t, genesis));
        HourlyPath.Snapshot s = path.upTo(h + 1);
        double logNow = h == 0 ? path.logOpen(s, 0) : s.logClose[h - 1];
        double dayAgo = h <= 24 ? path.logOpen(s, 0) : s.logClose[h - 25];
        double lean = Math.tanh((logNow - dayAgo) / 0.04);
        Regime regime = s.regime(h);
        double trend = regime == Regime.TREND_UP ? 1 : regime == Regime.TREND_DOWN ? -1 : 0;
        double fraction = (double) ((Math.max(t, genesis) - genesis) % Candles.HOUR) / Candles.HOUR;
        long stream = series.ordinal();
        double noise = (1 - fraction) * Rng.normal(seed, Rng.RATIO_HOUR, spec.key(), stream, h)
                + fraction * Rng.normal(seed, Rng.RATIO_HOUR, spec.key(), stream, h + 1);
        double share = switch (series) {
            case GLOBAL_ACCOUNT -> 0.60 - 0.13 * lean - 0.035 * trend + 0.025 * noise;
            case TOP_ACCOUNT -> 0.56 - 0.05 * lean + 0.03 * noise;
            case TOP_POSITION -> 0.50 + 0.12 * lean + 0.05 * trend + 0.025 * noise;
        };
        return Math.max(0.2, Math.min(0.85, share));
    }

    List<TakerVolumeRatio> takerRatio(Period period, long now, int limit) {
        long p = period.millis();
        long lastOpen = Math.floorDiv(now, p) * p - p;
        long first = Math.max(lastOpen - (long) (limit - 1) * p, Math.floorDiv(genesis, p) * p);
        List<TakerVolumeRatio> out = new ArrayList<>(limit);
        for (long t = first; t <= lastOpen; t += p) {
            Agg acc = new Agg();
            candles.aggregate(Math.max(t, genesis), t + p, now, acc);
            double buy = acc.takerBuyBase;
            double sell = Math.max(0, acc.volume - buy);
            double ratio = sell > 0 ? round(buy / sell, 1e4) : 0;
            out.add(new TakerVolumeRatio(ratio, buy, sell, t));
        }
        return out;
    }

    /** The latest {@code limit} period boundaries at or before {@code now}, not before genesis. */
    private long[] boundaries(long period, long now, int limit) {
        long last = Math.floorDiv(now, period) * period;
        long first = Math.max(last - (long) (limit - 1) * period, Math.floorDiv(genesis + period - 1, period) * period);
        if (last < first) {
            return new long[0];
        }
        int n = (int) ((last - first) / period + 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = first + i * period;
        }
        return out;
    }

    private static double round(double value, double scale) {
        return Math.rint(value * scale) / scale;
    }
}
