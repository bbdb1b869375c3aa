package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.Bias;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import java.util.ArrayList;
import java.util.List;

/**
 * One confluence analysis from the klines of every timeframe: closed-candle selection, indicators
 * ({@link IndicatorSnapshot}), classification ({@link Scoring}), combination ({@link Confluence}), result and
 * reasoning. Pure: no I/O, clock or state; the caller passes the time.
 *
 * <p><b>Closed candles only.</b> A candle is used only if it had closed at {@code now}
 * ({@link Kline#isClosedAt(long)}, {@code closeTime < now}); the forming candle and anything after it are dropped
 * wherever they appear. Its close, high and low are still moving, so using it would repaint (the same closed-candle
 * time would later show other values) and mix a partial bar into indicators defined on whole bars.
 */
public final class ConfluenceAnalysis {

    private ConfluenceAnalysis() {
    }

    /** The closed candles of one timeframe as arrays, oldest first. */
    record Series(double[] high, double[] low, double[] close, long lastCloseTime) {
        int size() {
            return close.length;
        }
    }

    /**
     * The closed candles of {@code klines} at {@code now}, oldest first (the order the market answers in).
     *
     * @param klines candles as the market answered them, oldest first; may include the forming one
     * @param now    current time, ms
     */
    static Series closed(List<Kline> klines, long now) {
        int n = 0;
        for (int i = 0; i < klines.size(); i++) {
            if (klines.get(i).isClosedAt(now)) {
                n++;
            }
        }
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        long lastClose = Long.MIN_VALUE;
        int j = 0;
        for (int i = 0; i < klines.size(); i++) {
            Kline k = klines.get(i);
            if (k.isClosedAt(now)) {
                high[j] = k.high();
                low[j] = k.low();
                close[j] = k.close();
                lastClose = k.closeTime();
                j++;
            }
        }
        return new Series(high, low, close, lastClose);
    }

    /**
     * Analyses {@code symbol}.
     *
     * @param symbol  symbol
     * @param klines  the klines of each of {@code s.timeframes()}, same order, oldest first
     * @param s       settings
     * @param now     current time, ms (decides which candles are closed)
     * @param source  market data source, echoed
     */
    public static ConfluenceResult analyse(String symbol, List<List<Kline>> klines, MtfSettings s, long now,
                                           String source) {
        return analyse(symbol, klines, java.util.Collections.nCopies(klines.size(), null), s, now, source);
    }

    /**
     * Analyses {@code symbol} when some timeframes could not be fetched.
     *
     * @param unavailable per timeframe, why the market could not provide it, or null
     */
    public static ConfluenceResult analyse(String symbol, List<List<Kline>> klines, List<String> unavailable,
                                           MtfSettings s, long now, String source) {
        List<Interval> tfs = s.timeframes();
        int n = tfs.size();
        if (klines.size() != n) {
            throw new IllegalArgumentException("argument [klines] must hold one series per timeframe, " + n
                    + " expected, was " + klines.size());
        }
        IndicatorPeriods p = s.periods();
        Series[] series = new Series[n];
        IndicatorSnapshot[] snaps = new IndicatorSnapshot[n];
        Scoring.Classification[] classes = new Scoring.Classification[n];
        boolean[] analysed = new boolean[n];
        double[] scores = new double[n];
        long[] millis = new long[n];
        for (int i = 0; i < n; i++) {
            millis[i] = tfs.get(i).millis();
            series[i] = closed(klines.get(i), now);
            if (series[i].size() >= s.minBars()) {
                analysed[i] = true;
                snaps[i] = IndicatorSnapshot.compute(series[i].high(), series[i].low(), series[i].close(), p);
                classes[i] = Scoring.classify(snaps[i], p, s.neutralBandAtr(), s.directionThreshold());
                scores[i] = classes[i].score();
            }
        }
        Confluence.Outcome o = Confluence.combine(s.weightArray(), millis, analysed, scores, s.directionThreshold(),
                s.enterThreshold(), s.avoidThreshold());

        List<TimeframeSignal> signals = new ArrayList<>(n);
        Long dataTime = null;
        for (int i = 0; i < n; i++) {
            signals.add(signal(tfs.get(i), series[i], snaps[i], classes[i], o.weights()[i], s, p, unavailable.get(i)));
            if (analysed[i] && (dataTime == null || series[i].lastCloseTime() > dataTime)) {
                dataTime = series[i].lastCloseTime();
            }
        }
        List<String> anchors = new ArrayList<>();
        for (int a : o.anchors()) {
            anchors.add(tfs.get(a).code());
        }
        Bias bias = switch (o.direction()) {
            case BULLISH -> Bias.LONG;
            case BEARISH -> Bias.SHORT;
            case NEUTRAL -> Bias.NEUTRAL;
        };
        return new ConfluenceResult(symbol, o.score(), o.direction(), (int) Math.round(100 * o.weightedScore()),
                o.aligned(), o.total(), signals, anchors, bias, o.confidence(), o.recommendation(),
                Fmt.dec(100 * o.coverage(), 1), reasoning(signals, o, s), p, dataTime, source);
    }

    private static TimeframeSignal signal(Interval tf, Series series, IndicatorSnapshot snap,
                                          Scoring.Classification c, double weight, MtfSettings s, IndicatorPeriods p,
                                          String reason) {
        if (snap == null) {
            String note = (reason != null ? "not analysed: the market has no data for it (" + reason + ")"
                    : "not analysed: " + series.size() + " closed candles, " + s.minBars() + " needed"
                    + " (new listing or short history)") + " - its weight is shared among the other timeframes";
            return new TimeframeSignal(tf.code(), Direction.NEUTRAL, 0, 0, 0.0, false, series.size(), null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, List.of(), note);
        }
        String note = null;
        if (!Double.isFinite(snap.emaLong())) {
            note = "EMA " + p.emaLong() + " left out: it needs " + p.emaLong() + " closed candles, " + snap.bars()
                    + " available";
        }
        List<Vote> votes = new ArrayList<>(c.votes().size());
        for (Vote v : c.votes()) {
            votes.add(new Vote(v.name(), Fmt.dec(v.vote(), 4), v.weight(), v.reason()));
        }
        return new TimeframeSignal(tf.code(), c.direction(), c.strength(), (int) Math.round(100 * c.score()),
                Fmt.dec(weight, 4), true, snap.bars(), series.lastCloseTime(), Fmt.sig(snap.close()),
                Fmt.sig(snap.emaFast()), Fmt.sig(snap.emaSlow()), Fmt.sig(snap.emaLong()), Fmt.dec(snap.rsi(), 2),
                Fmt.sig(snap.macd()), Fmt.sig(snap.macdSignal()), Fmt.sig(snap.macdHistogram()),
                Fmt.dec(snap.adx(), 2), Fmt.dec(snap.plusDi(), 2), Fmt.dec(snap.minusDi(), 2), Fmt.sig(snap.atr()),
                Fmt.dec(snap.atrPct(), 4), votes, note);
    }

    // ---------------------------------------------------------------- reasoning

    private static List<String> reasoning(List<TimeframeSignal> signals, Confluence.Outcome o, MtfSettings s) {
        List<String> out = new ArrayList<>();
        Direction d = o.direction();
        if (o.total() == 0) {
            out.add("No confluence (0/100) - no timeframe has the " + s.minBars() + " closed candles needed");
        } else if (d == Direction.NEUTRAL) {
            out.add("No confluence (0/100) - no overall direction: " + count(signals, Direction.BULLISH) + " bullish, "
                    + count(signals, Direction.BEARISH) + " bearish, " + (o.total() - count(signals, Direction.BULLISH)
                    - count(signals, Direction.BEARISH)) + " neutral of " + o.total() + " timeframes");
        } else {
            String level = o.score() >= s.enterThreshold() ? "High" : o.score() >= s.avoidThreshold() ? "Moderate" : "Low";
            out.add(level + " confluence (" + o.score() + "/100) - " + o.aligned() + "/" + o.total()
                    + " timeframes aligned");
        }
        if (o.total() > 0) {
            StringBuilder each = new StringBuilder();
            for (TimeframeSignal t : signals) {
                if (t.sufficientData()) {
                    each.append(each.length() == 0 ? "" : ", ").append(t.timeframe()).append(' ')
                            .append(Fmt.signed(t.score()));
                }
            }
            long w = Math.round(100 * o.weightedScore());
            out.add("Overall " + d + ": weighted score " + Fmt.signed(w) + "/100"
                    + (d == Direction.NEUTRAL ? " is inside the +/-" + MtfSettings.plain(s.directionThreshold())
                    + " neutral band" : "") + " (" + each + ")");
            out.add(anchorSentence(signals, o));
        }
        out.add(recommendationSentence(signals, o, s));
        for (TimeframeSignal t : signals) {
            if (!t.sufficientData()) {
                out.add(t.timeframe() + " " + t.note());
            }
        }
        for (TimeframeSignal t : signals) {
            if (t.sufficientData()) {
                out.add(summary(t, s.periods()));
            }
        }
        return out;
    }

    private static int count(List<TimeframeSignal> signals, Direction d) {
        int c = 0;
        for (TimeframeSignal t : signals) {
            if (t.sufficientData() && t.direction() == d) {
                c++;
            }
        }
        return c;
    }

    private static String anchorSentence(List<TimeframeSignal> signals, Confluence.Outcome o) {
        int[] a = o.anchors();
        StringBuilder b = new StringBuilder(a.length == 1 ? "Anchor " : "Anchors ");
        for (int k = 0; k < a.length; k++) {
            TimeframeSignal t = signals.get(a[k]);
            b.append(k == 0 ? "" : ", ").append(t.timeframe()).append(" (weight ")
                    .append(Fmt.num(100 * o.weights()[a[k]], 1)).append("%) ").append(t.direction()).append(' ')
                    .append(t.strength());
        }
        Direction d = o.direction();
        if (d == Direction.NEUTRAL) {
            return b.append(" - no overall direction to confirm").toString();
        }
        List<String> opposing = new ArrayList<>();
        List<String> neutral = new ArrayList<>();
        for (int i : a) {
            TimeframeSignal t = signals.get(i);
            if (t.direction() == d.opposite()) {
                opposing.add(t.timeframe());
            } else if (t.direction() == Direction.NEUTRAL) {
                neutral.add(t.timeframe());
            }
        }
        if (!opposing.isEmpty()) {
            return b.append(" - ").append(String.join(" and ", opposing)).append(" against the overall ").append(d)
                    .append(": higher-timeframe conflict").toString();
        }
        if (!neutral.isEmpty()) {
            return b.append(" - ").append(String.join(" and ", neutral)).append(" not confirming ").append(d)
                    .append(" yet").toString();
        }
        return b.append(a.length == 1 ? " - confirms " : " - both confirm ").append(d).toString();
    }

    private static String recommendationSentence(List<TimeframeSignal> signals, Confluence.Outcome o, MtfSettings s) {
        Direction d = o.direction();
        String enter = MtfSettings.plain(s.enterThreshold());
        String avoid = MtfSettings.plain(s.avoidThreshold());
        switch (o.recommendation()) {
            case ENTER:
                return "ENTER: confluence " + o.score() + " >= " + enter + " and the anchor timeframes are " + d;
            case AVOID:
                if (o.total() == 0) {
                    return "AVOID: no timeframe could be analysed";
                }
                if (o.anchorConflict()) {
                    List<String> against = new ArrayList<>();
                    for (int a : o.anchors()) {
                        if (signals.get(a).direction() == d.opposite()) {
                            against.add(signals.get(a).timeframe() + " " + d.opposite());
                        }
                    }
                    return "AVOID: higher-timeframe conflict - " + String.join(", ", against) + " against the overall "
                            + d;
                }
                return "AVOID: confluence " + o.score() + " is below " + avoid
                        + (d == Direction.NEUTRAL ? " - the timeframes share no direction" : "");
            default:
                if (o.score() >= s.enterThreshold()) {
                    return "WAIT: confluence " + o.score() + " reaches " + enter
                            + " but the anchor timeframes do not all confirm " + d;
                }
                return "WAIT: confluence " + o.score() + " is between " + avoid + " and " + enter;
        }
    }

    /** {@code "1h BULLISH 82/100: close above EMA 20/50/200, bullish EMA stack, MACD histogram +12.3 rising, …"}. */
    private static String summary(TimeframeSignal t, IndicatorPeriods p) {
        List<String> above = new ArrayList<>();
        List<String> below = new ArrayList<>();
        List<String> at = new ArrayList<>();
        String stack = "mixed EMAs";
        String macd = "";
        String dmi = "";
        for (Vote v : t.votes()) {
            switch (v.name()) {
                case "close_vs_ema_fast", "close_vs_ema_slow", "close_vs_ema_long" -> {
                    String period = v.name().endsWith("fast") ? "" + p.emaFast()
                            : v.name().endsWith("slow") ? "" + p.emaSlow() : "" + p.emaLong();
                    (v.vote() > 0 ? above : v.vote() < 0 ? below : at).add(period);
                }
                case "ema_stack" -> stack = v.vote() > 0 ? "bullish EMA stack" : v.vote() < 0 ? "bearish EMA stack"
                        : "mixed EMAs";
                case "macd_histogram" -> macd = v.reason().replace(" positive and", "").replace(" negative and", "");
                case "directional" -> dmi = "+DI " + Fmt.num(t.plusDi(), 1) + (t.plusDi() > t.minusDi() ? " > " : " <= ")
                        + "-DI " + Fmt.num(t.minusDi(), 1) + " (ADX " + Fmt.num(t.adx(), 1) + ")";
                default -> {
                }
            }
        }
        StringBuilder b = new StringBuilder(t.timeframe()).append(' ').append(t.direction()).append(' ')
                .append(t.strength()).append("/100: close");
        String sep = " ";
        if (!above.isEmpty()) {
            b.append(sep).append("above EMA ").append(String.join("/", above));
            sep = ", ";
        }
        if (!below.isEmpty()) {
            b.append(sep).append("below EMA ").append(String.join("/", below));
            sep = ", ";
        }
        if (!at.isEmpty()) {
            b.append(sep).append("at EMA ").append(String.join("/", at));
        }
        b.append(", ").append(stack).append(", ").append(macd).append(", RSI ")
                .append(t.rsi() == null ? "undefined" : Fmt.num(t.rsi(), 1)).append(", ").append(dmi)
                .append(", ATR ").append(t.atrPct() == null ? "n/a" : Fmt.num(t.atrPct(), 2)).append("% of price");
        return b.toString();
    }
}
