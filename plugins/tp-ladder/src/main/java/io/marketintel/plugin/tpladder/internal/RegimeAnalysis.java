package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.ta.Directional;
import io.marketintel.api.ta.Volatility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The market regime of one symbol with the indicators it came from and why.
 *
 * <p>Classification ({@link #classify}), thresholds inclusive:
 * <ol>
 *   <li>STRONG_TREND when ADX ≥ {@code strong_trend_adx} (40) and |momentum| ≥ {@code strong_trend_momentum_atr}
 *   (3 ATR) — unless the ATR is at least {@code volatility_spike_ratio} (2) times its window average: a volatility
 *   shock inflates the ATR and the ADX lags it, so the widest targets would overshoot; the regime is then capped at
 *   TRENDING;</li>
 *   <li>else TRENDING when ADX ≥ {@code trending_adx} (25) and |momentum| ≥ {@code trending_momentum_atr}
 *   (1 ATR);</li>
 *   <li>else RANGING (no trend, or a trend that has stalled: a high ADX without recent momentum).</li>
 * </ol>
 * Momentum is the net close-to-close move over {@code momentum_bars} (10) closed candles, in ATRs, so the
 * thresholds mean the same on every symbol and interval. The regime does not depend on the position's side; the
 * reasoning says when the trend (+DI vs −DI) runs against it.
 *
 * @param regime     the regime
 * @param indicators the values it was classified from
 * @param reasoning  the rule that decided, in words
 */
public record RegimeAnalysis(MarketRegime regime, Indicators indicators, List<String> reasoning) {

    public RegimeAnalysis {
        reasoning = List.copyOf(reasoning);
    }

    /** A regime and whether a volatility spike capped it. */
    record Classification(MarketRegime regime, boolean capped) {
    }

    /**
     * The regime for these indicator values (see the class description).
     *
     * @param adx             ADX
     * @param momentumAtr     net move in ATRs (sign ignored)
     * @param volatilityRatio ATR over its window average
     */
    static Classification classify(double adx, double momentumAtr, double volatilityRatio, LadderSettings s) {
        double momentum = Math.abs(momentumAtr);
        if (adx >= s.strongTrendAdx() && momentum >= s.strongTrendMomentumAtr()) {
            return volatilityRatio >= s.volatilitySpikeRatio()
                    ? new Classification(MarketRegime.TRENDING, true)
                    : new Classification(MarketRegime.STRONG_TREND, false);
        }
        if (adx >= s.trendingAdx() && momentum >= s.trendingMomentumAtr()) {
            return new Classification(MarketRegime.TRENDING, false);
        }
        return new Classification(MarketRegime.RANGING, false);
    }

    /**
     * Analyses closed candles, oldest first (at least {@link LadderSettings#minBars} of them).
     *
     * @param dataTime close time of the newest candle
     */
    static RegimeAnalysis of(double[] high, double[] low, double[] close, long dataTime, LadderSettings s) {
        int n = close.length;
        int needed = LadderSettings.minBars(s.atrPeriod(), s.adxPeriod(), s.momentumBars());
        if (n < needed) {
            throw new IllegalArgumentException("the regime needs " + needed + " closed candles, got " + n);
        }
        double[] atrSeries = Volatility.atr(high, low, close, s.atrPeriod());
        Directional.AdxSeries dx = Directional.adx(high, low, close, s.adxPeriod());
        int last = n - 1;
        double atr = atrSeries[last];
        double sum = 0;
        int count = 0;
        for (int i = Volatility.atrLookback(s.atrPeriod()); i < n; i++) {
            sum += atrSeries[i];
            count++;
        }
        double meanAtr = sum / count;
        double volatilityRatio = meanAtr > 0 ? atr / meanAtr : 1.0;
        double adx = dx.adx()[last];
        double plusDi = dx.plusDi()[last];
        double minusDi = dx.minusDi()[last];
        double from = close[last - s.momentumBars()];
        double move = close[last] - from;
        double momentumPct = from != 0 ? move / from * 100 : 0;
        double momentumAtr = atr > 0 ? move / atr : 0;
        String direction = plusDi > minusDi ? "UP" : plusDi < minusDi ? "DOWN" : "NONE";
        Indicators ind = new Indicators(s.interval().code(), n, dataTime, close[last], atr, s.atrPeriod(),
                close[last] != 0 ? atr / close[last] * 100 : 0, volatilityRatio, adx, plusDi, minusDi, s.adxPeriod(),
                direction, s.momentumBars(), momentumPct, momentumAtr);
        Classification c = classify(adx, momentumAtr, volatilityRatio, s);
        return new RegimeAnalysis(c.regime(), ind, reasons(ind, c, s));
    }

    private static List<String> reasons(Indicators ind, Classification c, LadderSettings s) {
        List<String> out = new ArrayList<>();
        String strength = ind.adx() >= s.strongTrendAdx() ? "at or above strong_trend_adx " + num(s.strongTrendAdx())
                : ind.adx() >= s.trendingAdx() ? "at or above trending_adx " + num(s.trendingAdx()) + ", below"
                + " strong_trend_adx " + num(s.strongTrendAdx())
                : "below trending_adx " + num(s.trendingAdx());
        out.add("ADX(" + ind.adxPeriod() + ") " + num(ind.adx()) + " " + strength + "; +DI " + num(ind.plusDi())
                + " vs -DI " + num(ind.minusDi()) + " (trend " + ind.trendDirection() + ")");
        double m = Math.abs(ind.momentumAtr());
        String momentum = m >= s.strongTrendMomentumAtr() ? "at or above strong_trend_momentum_atr "
                + num(s.strongTrendMomentumAtr())
                : m >= s.trendingMomentumAtr() ? "at or above trending_momentum_atr " + num(s.trendingMomentumAtr())
                : "below trending_momentum_atr " + num(s.trendingMomentumAtr());
        out.add("Momentum over " + ind.momentumBars() + " bars " + signed(ind.momentumAtr()) + " ATR ("
                + signed(ind.momentumPct()) + "%), |" + num(m) + "| " + momentum);
        out.add("Volatility: ATR(" + ind.atrPeriod() + ") " + num(ind.atr()) + " = " + num(ind.atrPct())
                + "% of the close, " + num(ind.volatilityRatio()) + "x its average over " + ind.bars() + " "
                + ind.interval() + " bars");
        if (c.capped()) {
            out.add("STRONG_TREND capped at TRENDING: the ATR is " + num(ind.volatilityRatio())
                    + "x its average (volatility_spike_ratio " + num(s.volatilitySpikeRatio())
                    + "), too inflated for the widest targets");
        }
        out.add("Regime " + c.regime());
        return out;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }
}
