package io.marketintel.runtime.market.sim;

import java.util.Arrays;

/**
 * The hourly backbone of one symbol: regime, log close, premium and open interest per hour since
 * genesis. The series are sequential (mean reversion, Markov regimes, autoregressive premium), so they
 * are generated once from genesis and extended as the clock advances; each value is still a pure
 * function of (seed, symbol, hour), the arrays are only a cache.
 *
 * <p>Thread-safety: readers take an immutable {@link Snapshot} (arrays are copied, never written after
 * publication); extension is serialised on this object.
 */
final class HourlyPath {

    static final long HOUR = 3_600_000L;

    /** Mean reversion of the log price to the anchor, per hour (half-life about 36 days). */
    private static final double KAPPA = 0.0008;
    /** Extra pull back beyond this distance (log units) from the anchor keeps prices in a band for years. */
    private static final double BAND = 0.6;
    /** Mean reversion to the level where the current range began, per hour. */
    private static final double KAPPA_RANGE = 0.05;
    private static final double KAPPA_OI = 0.004;
    private static final int GROW = 2048;

    private final SymbolSpec spec;
    private final long seed;
    private final double volScale;
    private final int blockHours;
    private final long genesisHourOfEpoch;
    private final double logAnchor;
    private final double logGenesis;
    private final double logBaseOi;
    private final double idiosyncratic;

    private volatile Snapshot snapshot;

    // Sequential state at the end of the current snapshot; guarded by this.
    private Regime marketRegime;
    private Regime symbolRegime;
    private double rangeRef;
    private double premiumNoise;

    HourlyPath(SymbolSpec spec, SimSettings settings) {
        this.spec = spec;
        this.seed = settings.seed();
        this.volScale = settings.volatilityScale();
        this.blockHours = settings.regimeBlockHours();
        this.genesisHourOfEpoch = settings.genesis().toEpochMilli() / HOUR;
        this.logAnchor = Math.log(spec.anchorPrice());
        this.logGenesis = logAnchor + 0.08 * Rng.normal(seed, Rng.GENESIS, spec.key(), 0, 0);
        this.logBaseOi = Math.log(spec.baseOpenInterest());
        this.idiosyncratic = Math.sqrt(1 - spec.marketLoading() * spec.marketLoading());
        this.snapshot = new Snapshot(0, new double[0], new byte[0], new double[0], new double[0]);
    }

    /** A snapshot holding at least hours {@code 0 … hour}. */
    Snapshot upTo(long hour) {
        if (hour < 0) {
            hour = 0;
        }
        if (hour >= Integer.MAX_VALUE - GROW) {
            throw new IllegalArgumentException("hour " + hour + " is too far from genesis");
        }
        Snapshot s = snapshot;
        if (hour < s.hours) {
            return s;
        }
        return extend((int) hour);
    }

    /** Log open of hour {@code h} (the close of the hour before, or the genesis price). */
    double logOpen(Snapshot s, int h) {
        return h == 0 ? logGenesis : s.logClose[h - 1];
    }

    /** Volatility of hour {@code h} in log units. */
    double sigma(Snapshot s, int h) {
        return spec.hourlyVolatility() * Regime.of(s.regime[h]).volatility() * seasonal(h) * volScale;
    }

    /** Intraday activity profile: busiest around the US open (15:00 UTC), mean 1. */
    double seasonal(int h) {
        long hourOfDay = (genesisHourOfEpoch + h) % 24;
        return 1 + 0.2 * Math.cos(2 * Math.PI * (hourOfDay - 15) / 24.0);
    }

    private synchronized Snapshot extend(int hour) {
        Snapshot s = snapshot;
        if (hour < s.hours) {
            return s;
        }
        int from = s.hours;
        int to = Math.max(hour + 1, from + GROW);
        double[] logClose = Arrays.copyOf(s.logClose, to);
        byte[] regime = Arrays.copyOf(s.regime, to);
        double[] premium = Arrays.copyOf(s.premium, to);
        double[] logOi = Arrays.copyOf(s.logOi, to);
        for (int h = from; h < to; h++) {
            // one call per hour (not one long loop body) lets the JIT compile it after a few hundred hours
            computeHour(h, logClose, regime, premium, logOi);
        }
        Snapshot next = new Snapshot(to, logClose, regime, premium, logOi);
        snapshot = next;
        return next;
    }

    /** Generates hour {@code h} from the state at the end of hour {@code h − 1}. */
    private void computeHour(int h, double[] logClose, byte[] regime, double[] premium, double[] logOi) {
        double beta = spec.marketLoading();
        double baseVol = spec.hourlyVolatility() * volScale;
        if (h % blockHours == 0) {
            advanceRegimes(h / blockHours);
        }
        Regime r = symbolRegime;
        double prev = h == 0 ? logGenesis : logClose[h - 1];
        if (r == Regime.RANGE && (h == 0 || regime[h - 1] != Regime.RANGE.ordinal())) {
            rangeRef = prev;
        }
        double sigma = spec.hourlyVolatility() * r.volatility() * seasonal(h) * volScale;
        double f = Rng.normal(seed, Rng.MARKET_FACTOR, h, 0, 0);
        double e = Rng.normal(seed, Rng.HOUR_SHOCK, spec.key(), h, 0);
        double dev = prev - logAnchor;
        double pull = -KAPPA * dev;
        if (Math.abs(dev) > BAND) {
            pull -= 0.02 * (dev - Math.copySign(BAND, dev));
        }
        if (r == Regime.RANGE) {
            pull -= KAPPA_RANGE * (prev - rangeRef);
        }
        double ret = r.drift() * baseVol + sigma * (beta * f + idiosyncratic * e) + pull;
        double close = prev + ret;
        logClose[h] = close;
        regime[h] = (byte) r.ordinal();

        double momentum = close - (h >= 24 ? logClose[h - 24] : logGenesis);
        premiumNoise = 0.85 * premiumNoise + 0.00012 * Rng.normal(seed, Rng.PREMIUM, spec.key(), h, 0);
        double p = premiumBase(r) + 0.015 * momentum + premiumNoise;
        premium[h] = Math.max(-0.01, Math.min(0.01, p));

        double prevOi = h == 0 ? logBaseOi : logOi[h - 1];
        double oi = prevOi + oiGrowth(r) - KAPPA_OI * (prevOi - logBaseOi)
                + 0.003 * Rng.normal(seed, Rng.OPEN_INTEREST, spec.key(), h, 0);
        if (r == Regime.HIGH_VOLATILITY && Math.abs(ret) > 2 * baseVol) {
            oi -= 0.015; // liquidation flush
        }
        logOi[h] = oi;
    }

    private void advanceRegimes(long block) {
        double follow = Rng.uniform(seed, Rng.REGIME_FOLLOW, spec.key(), block, 0);
        if (block == 0) {
            marketRegime = initial(Rng.uniform(seed, Rng.MARKET_REGIME, block, -1, 0));
            symbolRegime = follow < spec.followMarket() ? marketRegime
                    : initial(Rng.uniform(seed, Rng.SYMBOL_REGIME, spec.key(), block, -1));
            return;
        }
        marketRegime = marketRegime.next(Rng.uniform(seed, Rng.MARKET_REGIME, block, 0, 0));
        symbolRegime = follow < spec.followMarket() ? marketRegime
                : symbolRegime.next(Rng.uniform(seed, Rng.SYMBOL_REGIME, spec.key(), block, 0));
    }

    /** Roughly the chain's stationary distribution. */
    private static Regime initial(double u) {
        if (u < 0.22) {
            return Regime.TREND_UP;
        }
        if (u < 0.42) {
            return Regime.TREND_DOWN;
        }
        if (u < 0.72) {
            return Regime.RANGE;
        }
        if (u < 0.82) {
            return Regime.HIGH_VOLATILITY;
        }
        return Regime.LOW_VOLATILITY;
    }

    private static double premiumBase(Regime r) {
        return switch (r) {
            case TREND_UP -> 0.0005;
            case TREND_DOWN -> -0.0006;
            case RANGE, LOW_VOLATILITY -> 0.0001;
            case HIGH_VOLATILITY -> -0.0002;
        };
    }

    private static double oiGrowth(Regime r) {
        return switch (r) {
            case TREND_UP, TREND_DOWN -> 0.0025;
            case RANGE -> 0.0;
            case LOW_VOLATILITY -> 0.0005;
            case HIGH_VOLATILITY -> -0.004;
        };
    }

    /** An immutable view of the first {@code hours} hours. */
    static final class Snapshot {
        final int hours;
        final double[] logClose;
        final byte[] regime;
        final double[] premium;
        final double[] logOi;

        Snapshot(int hours, double[] logClose, byte[] regime, double[] premium, double[] logOi) {
            this.hours = hours;
            this.logClose = logClose;
            this.regime = regime;
            this.premium = premium;
            this.logOi = logOi;
        }

        Regime regime(int h) {
            return Regime.of(regime[h]);
        }
    }
}
