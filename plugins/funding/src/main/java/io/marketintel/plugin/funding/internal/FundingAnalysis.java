package io.marketintel.plugin.funding.internal;

import io.marketintel.api.Bias;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.TakerVolumeRatio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The funding analysis: pure, synchronous functions over the market records. Nothing here does I/O,
 * reads a clock or keeps state, so every rule is unit-testable with hand-made data.
 *
 * <h2>Bias and confidence</h2>
 * Each signal that fires argues LONG or SHORT with a fixed weight:
 * {@value #CONTRARIAN_WEIGHT} contrarian, {@value #TREND_WEIGHT} trend confirmation,
 * {@value #DIVERGENCE_WEIGHT} smart-money divergence, {@value #TAKER_WEIGHT} taker flow.
 * {@code net = Σ(+weight for LONG, −weight for SHORT)}; bias is LONG when {@code net > 0}, SHORT when
 * {@code net < 0}, NEUTRAL otherwise. Confidence is {@code min(100, 30 + |net|)} for a directional bias
 * and {@code max(0, 30 − total/2)} for NEUTRAL ({@code total} = sum of all weights that fired: the more
 * signals cancel out, the less we trust even the neutral reading). Because contrarian and trend confirmation
 * are mutually exclusive (extreme vs moderate funding), every non-zero net of the three main signals is
 * at least 20, so taker flow (10) can only break ties, never overturn a call.
 */
public final class FundingAnalysis {

    /** Weight of the contrarian signal (extreme funding: fade the crowd). */
    public static final int CONTRARIAN_WEIGHT = 40;
    /** Weight of the trend confirmation signal (moderate funding + rising open interest). */
    public static final int TREND_WEIGHT = 20;
    /** Weight of the smart-money vs retail divergence signal. */
    public static final int DIVERGENCE_WEIGHT = 20;
    /** Weight of the taker-flow signal (tie-breaker). */
    public static final int TAKER_WEIGHT = 10;
    /** Confidence before any signal. */
    public static final int BASE_CONFIDENCE = 30;
    /** How many settled fundings the plugin asks for to infer the interval. */
    public static final int FUNDING_HISTORY_LIMIT = 10;
    /** Fewest settled fundings (two gaps) from which the interval is inferred rather than assumed. */
    public static final int MIN_FUNDINGS_FOR_INTERVAL = 3;
    /** Tolerance of the "strictly beyond a threshold" comparisons against floating-point noise. */
    static final double EPSILON = 1e-9;

    private static final long HOUR = 3_600_000L;

    private FundingAnalysis() {
    }

    // ---------------------------------------------------------------- funding

    /**
     * A fraction as a percentage, decimal-exact: {@code 0.0035 → 0.35}. Plain {@code 0.0035 * 100} gives
     * {@code 0.35000000000000003}, which would wrongly cross a 0.35 % threshold, and {@code 0.0007 * 100}
     * gives {@code 0.06999999999999999}, which would fall short of a 0.07 % one. NaN and infinities pass
     * through multiplied.
     */
    public static double toPct(double fraction) {
        if (!Double.isFinite(fraction)) {
            return fraction * 100;
        }
        return BigDecimal.valueOf(fraction).movePointRight(2).doubleValue();
    }

    /**
     * The sentiment class of a funding rate in percent. Boundaries: strict {@code >} / {@code <} for the
     * extreme classes, inclusive {@code ≥} / {@code ≤} for the moderate ones, so with the defaults
     * {@code 0.15 → BULLISH}, {@code 0.05 → BULLISH}, {@code -0.05 → BEARISH}, {@code -0.15 → BEARISH}.
     *
     * @param pct        funding rate, percent
     * @param extremePct {@code extreme_threshold_pct}
     * @param bullishPct {@code bullish_threshold_pct}, below {@code extremePct}
     */
    public static Sentiment classify(double pct, double extremePct, double bullishPct) {
        if (pct > extremePct) {
            return Sentiment.EXTREME_BULLISH;
        }
        if (pct >= bullishPct) {
            return Sentiment.BULLISH;
        }
        if (pct < -extremePct) {
            return Sentiment.EXTREME_BEARISH;
        }
        if (pct <= -bullishPct) {
            return Sentiment.BEARISH;
        }
        return Sentiment.NEUTRAL;
    }

    /**
     * The funding interval from settled fundings: the median gap between consecutive funding times
     * (for an even number of gaps the lower middle one, always a real gap), rounded to the nearest hour,
     * which absorbs the few ms of jitter real funding times carry. With fewer than
     * {@value #MIN_FUNDINGS_FOR_INTERVAL} distinct funding times the interval is assumed to be
     * {@value FundingInterval#DEFAULT_HOURS}h and the result says so.
     */
    public static FundingInterval inferInterval(List<FundingRate> history) {
        long[] times = history.stream().mapToLong(FundingRate::fundingTime).sorted().distinct().toArray();
        if (times.length < MIN_FUNDINGS_FOR_INTERVAL) {
            return new FundingInterval(FundingInterval.DEFAULT_HOURS, true, Math.max(0, times.length - 1),
                    "assumed " + FundingInterval.DEFAULT_HOURS + "h: " + times.length + " settled funding"
                            + (times.length == 1 ? "" : "s") + " in history, need at least " + MIN_FUNDINGS_FOR_INTERVAL);
        }
        long[] gaps = new long[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(gaps);
        long median = gaps[(gaps.length - 1) / 2];
        long hours = Math.round((double) median / HOUR);
        if (hours < 1) {
            return new FundingInterval(FundingInterval.DEFAULT_HOURS, true, gaps.length,
                    "assumed " + FundingInterval.DEFAULT_HOURS + "h: median gap of " + median
                            + " ms between settled fundings is below half an hour");
        }
        return new FundingInterval(Math.toIntExact(hours), false, gaps.length,
                "inferred " + hours + "h from the median of " + gaps.length + " gaps between settled fundings");
    }

    /** {@code pct × 24 / intervalHours × 365}, rounded to 6 decimals. */
    public static double annualize(double pct, int intervalHours) {
        return round(pct * 24.0 * 365.0 / intervalHours, 6);
    }

    // ---------------------------------------------------------------- open interest

    /**
     * Open interest change from the first to the last point of the history, percent, and its trend:
     * RISING when strictly above {@code thresholdPct}, FALLING when strictly below {@code -thresholdPct},
     * FLAT otherwise; UNKNOWN with fewer than two points or a non-positive first value.
     */
    public static OiChange oiChange(List<OpenInterestPoint> history, double thresholdPct) {
        if (history.isEmpty()) {
            return OiChange.UNKNOWN;
        }
        List<OpenInterestPoint> points = history.stream()
                .sorted(Comparator.comparingLong(OpenInterestPoint::timestamp)).toList();
        OpenInterestPoint first = points.get(0);
        OpenInterestPoint last = points.get(points.size() - 1);
        Double lastValue = Double.isFinite(last.sumOpenInterestValue()) ? last.sumOpenInterestValue() : null;
        if (points.size() < 2 || !(first.sumOpenInterest() > 0) || !Double.isFinite(last.sumOpenInterest())) {
            return new OiChange(null, OiTrend.UNKNOWN, 0, lastValue, last.timestamp());
        }
        double change = (last.sumOpenInterest() - first.sumOpenInterest()) / first.sumOpenInterest() * 100.0;
        OiTrend trend = change > thresholdPct + EPSILON ? OiTrend.RISING
                : change < -thresholdPct - EPSILON ? OiTrend.FALLING : OiTrend.FLAT;
        return new OiChange(round(change, 4), trend, last.timestamp() - first.timestamp(), lastValue,
                last.timestamp());
    }

    // ---------------------------------------------------------------- decision

    /** Bias and confidence of a set of signals. */
    public record Decision(Bias bias, int confidence) {
    }

    /** Bias and confidence from the signals, see the class comment for the formula. */
    public static Decision decide(List<Signal> signals) {
        int net = 0;
        int total = 0;
        for (Signal s : signals) {
            net += s.direction() == Bias.LONG ? s.weight() : -s.weight();
            total += s.weight();
        }
        if (net == 0) {
            return new Decision(Bias.NEUTRAL, Math.max(0, BASE_CONFIDENCE - total / 2));
        }
        return new Decision(net > 0 ? Bias.LONG : Bias.SHORT, Math.min(100, BASE_CONFIDENCE + Math.abs(net)));
    }

    // ---------------------------------------------------------------- sentiment

    /**
     * The whole sentiment analysis of one symbol.
     *
     * @param in     the fetched market records
     * @param s      the configuration in force
     * @param source the market data source name, echoed
     * @throws IntelException {@code INVALID_PARAMETER} when the symbol carries no funding rate (e.g. a
     *                        delivery contract)
     */
    public static SentimentResult analyze(SentimentInputs in, FundingSettings s, String source) {
        PremiumIndex pi = in.premiumIndex();
        if (!Double.isFinite(pi.lastFundingRate())) {
            throw IntelException.invalidParameter("symbol", "symbol [" + in.symbol()
                    + "] has no funding rate; funding sentiment needs a perpetual contract");
        }
        double pct = toPct(pi.lastFundingRate());
        FundingInterval interval = inferInterval(in.fundingHistory());
        Sentiment sentiment = classify(pct, s.extremeThresholdPct(), s.bullishThresholdPct());
        OiChange oi = oiChange(in.oiHistory(), s.oiTrendThresholdPct());
        String oiWindow = oi.trend() == OiTrend.UNKNOWN ? null : duration(oi.windowMillis());

        Double globalLong = lastLongPct(in.globalRatio());
        Double topLong = lastLongPct(in.topPosition());
        Double divergence = globalLong == null || topLong == null ? null
                : BigDecimal.valueOf(topLong).subtract(BigDecimal.valueOf(globalLong)).doubleValue();

        List<TakerVolumeRatio> taker = in.takerRatio().stream()
                .filter(t -> Double.isFinite(t.buySellRatio()))
                .sorted(Comparator.comparingLong(TakerVolumeRatio::timestamp)).toList();
        Double takerLatest = taker.isEmpty() ? null : taker.get(taker.size() - 1).buySellRatio();
        Double takerAvg = taker.isEmpty() ? null
                : round(taker.stream().mapToDouble(TakerVolumeRatio::buySellRatio).average().orElseThrow(), 4);

        List<Signal> signals = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        // 1. Contrarian at the extremes: fade the crowd.
        if (sentiment == Sentiment.EXTREME_BULLISH) {
            signals.add(new Signal(Signal.CONTRARIAN, Bias.SHORT, CONTRARIAN_WEIGHT,
                    "Extreme bullish funding (" + pct4(pct) + " > " + num(s.extremeThresholdPct(), 4)
                            + "%) - longs overcrowded, fade the crowd: SHORT"));
        } else if (sentiment == Sentiment.EXTREME_BEARISH) {
            signals.add(new Signal(Signal.CONTRARIAN, Bias.LONG, CONTRARIAN_WEIGHT,
                    "Extreme bearish funding (" + pct4(pct) + " < -" + num(s.extremeThresholdPct(), 4)
                            + "%) - shorts overcrowded, fade the crowd: LONG"));
        }

        // 2. Trend confirmation: moderate funding + rising open interest, with the funding direction.
        if (sentiment == Sentiment.BULLISH || sentiment == Sentiment.BEARISH) {
            boolean bull = sentiment == Sentiment.BULLISH;
            String lead = (bull ? "Bullish" : "Bearish") + " funding (" + pct4(pct) + ")";
            if (oi.trend() == OiTrend.RISING) {
                signals.add(new Signal(Signal.TREND_CONFIRMATION, bull ? Bias.LONG : Bias.SHORT, TREND_WEIGHT,
                        lead + " + OI rising " + oneDecimal(oi.changePct()) + "% over " + oiWindow + " - strong "
                                + (bull ? "uptrend" : "downtrend")));
            } else if (oi.trend() == OiTrend.UNKNOWN) {
                notes.add(lead + " but no open interest history - trend not confirmed");
            } else {
                notes.add(lead + (oi.trend() == OiTrend.FALLING
                        ? " but OI falling " + oneDecimal(oi.changePct()) + "% over " + oiWindow
                        : " but OI flat (" + signedOneDecimal(oi.changePct()) + "% over " + oiWindow + ")")
                        + " - trend not confirmed");
            }
        } else if (sentiment == Sentiment.NEUTRAL) {
            notes.add("Neutral funding (" + pct4(pct) + ", between -" + num(s.bullishThresholdPct(), 4) + "% and "
                    + num(s.bullishThresholdPct(), 4) + "%) - no crowding");
        }

        // 3. Smart money (top traders' positions) vs retail (all accounts).
        if (divergence == null) {
            notes.add("Long/short ratios unavailable - positioning divergence not evaluated");
        } else if (Math.abs(divergence) > s.divergenceThresholdPts() + EPSILON) {
            boolean smartLong = divergence > 0;
            signals.add(new Signal(Signal.SMART_MONEY_DIVERGENCE, smartLong ? Bias.LONG : Bias.SHORT,
                    DIVERGENCE_WEIGHT, "Smart money " + (smartLong ? "bullish" : "bearish") + " ("
                            + num(topLong, 2) + "% long vs retail " + num(globalLong, 2) + "%) - "
                            + num(Math.abs(divergence), 2) + " pts divergence"));
        }

        // 4. Taker flow: the tie-breaker.
        if (takerAvg != null) {
            String window = duration(s.oiPeriod().millis() * taker.size());
            if (takerAvg - 1.0 > s.takerRatioThreshold() + EPSILON) {
                signals.add(new Signal(Signal.TAKER_FLOW, Bias.LONG, TAKER_WEIGHT, "Taker flow bullish (buy/sell "
                        + num(takerAvg, 2) + " average over " + window + ", latest " + num(takerLatest, 2) + ")"));
            } else if (1.0 - takerAvg > s.takerRatioThreshold() + EPSILON) {
                signals.add(new Signal(Signal.TAKER_FLOW, Bias.SHORT, TAKER_WEIGHT, "Taker flow bearish (buy/sell "
                        + num(takerAvg, 2) + " average over " + window + ", latest " + num(takerLatest, 2) + ")"));
            }
        }

        Decision decision = decide(signals);
        List<String> reasoning = new ArrayList<>();
        signals.forEach(sig -> reasoning.add(sig.reason()));
        reasoning.addAll(notes);
        if (signals.isEmpty()) {
            reasoning.add("No signal fired - no directional edge");
        } else if (decision.bias() == Bias.NEUTRAL) {
            int longs = signals.stream().filter(x -> x.direction() == Bias.LONG).mapToInt(Signal::weight).sum();
            reasoning.add("Signals cancel out (" + longs + " pts LONG vs " + longs + " pts SHORT) - no directional edge");
        }

        long dataTime = pi.time();
        if (in.openInterest() != null) {
            dataTime = Math.max(dataTime, in.openInterest().time());
        }
        dataTime = Math.max(dataTime, in.fundingHistory().stream().mapToLong(FundingRate::fundingTime).max().orElse(0));
        dataTime = Math.max(dataTime, oi.lastTime());
        dataTime = Math.max(dataTime, in.globalRatio().stream().mapToLong(LongShortRatio::timestamp).max().orElse(0));
        dataTime = Math.max(dataTime, in.topPosition().stream().mapToLong(LongShortRatio::timestamp).max().orElse(0));
        dataTime = Math.max(dataTime, taker.stream().mapToLong(TakerVolumeRatio::timestamp).max().orElse(0));

        return new SentimentResult(
                in.symbol(),
                pct,
                pi.lastFundingRate(),
                annualize(pct, interval.hours()),
                interval.hours(),
                interval.assumed(),
                interval.note(),
                pi.nextFundingTime(),
                pi.markPrice(),
                sentiment,
                decision.bias(),
                decision.confidence(),
                reasoning,
                signals,
                in.openInterest() == null || !Double.isFinite(in.openInterest().openInterest()) ? null
                        : in.openInterest().openInterest(),
                oi.lastValue(),
                oi.changePct(),
                oi.trend(),
                oiWindow,
                s.oiPeriod().code(),
                globalLong,
                topLong,
                divergence,
                takerLatest,
                takerAvg,
                s.extremeThresholdPct(),
                s.bullishThresholdPct(),
                dataTime,
                source);
    }

    /** Long share of the newest point, percent (decimal-exact), or null for an empty or broken series. */
    static Double lastLongPct(List<LongShortRatio> series) {
        return series.stream().max(Comparator.comparingLong(LongShortRatio::timestamp))
                .map(LongShortRatio::longAccount)
                .filter(Double::isFinite)
                .map(FundingAnalysis::toPct)
                .orElse(null);
    }

    // ---------------------------------------------------------------- arbitrage

    /**
     * Funding arbitrage candidates from one premium index snapshot of all symbols: those with
     * {@code |funding %| ≥ minFundingPct} (inclusive), largest {@code |rate|} first (ties by symbol), at most
     * {@code limit}. The annualisation assumes {@value FundingInterval#DEFAULT_HOURS}h for every symbol
     * because the premium index does not carry the interval; the result says so.
     */
    public static ArbitrageResult arbitrage(List<PremiumIndex> all, double minFundingPct, int limit, String source) {
        List<ArbitrageOpportunity> matches = new ArrayList<>();
        long dataTime = 0;
        for (PremiumIndex p : all) {
            dataTime = Math.max(dataTime, p.time());
            if (!Double.isFinite(p.lastFundingRate())) {
                continue;
            }
            double pct = toPct(p.lastFundingRate());
            if (Math.abs(pct) >= minFundingPct) {
                matches.add(new ArbitrageOpportunity(p.symbol(), pct, p.lastFundingRate(),
                        annualize(pct, FundingInterval.DEFAULT_HOURS), ReceivingSide.of(pct), p.nextFundingTime(),
                        p.markPrice()));
            }
        }
        matches.sort(Comparator.comparingDouble((ArbitrageOpportunity o) -> Math.abs(o.fundingRate())).reversed()
                .thenComparing(ArbitrageOpportunity::symbol));
        List<ArbitrageOpportunity> top = matches.subList(0, Math.min(limit, matches.size()));
        return new ArbitrageResult(top, top.size(), matches.size(), all.size(), minFundingPct, limit,
                FundingInterval.DEFAULT_HOURS, dataTime, source);
    }

    // ---------------------------------------------------------------- formatting

    static double round(double v, int scale) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code 0.085 → "0.0850%"}. */
    static String pct4(double pct) {
        return String.format(Locale.ROOT, "%.4f%%", pct);
    }

    /** At most {@code maxDecimals} decimals, trailing zeros dropped: {@code 68.0 → "68"}, {@code 0.15 → "0.15"}. */
    static String num(double v, int maxDecimals) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** {@code 8.2} for a change, sign dropped (the sentence says rising / falling). */
    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", Math.abs(v));
    }

    /** {@code +0.4} / {@code -3.1}. */
    static String signedOneDecimal(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    /** A span as whole hours ({@code 24h}) when it is one, minutes ({@code 45m}) otherwise. */
    static String duration(long millis) {
        long minutes = Math.round(millis / 60_000.0);
        return minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m";
    }
}
