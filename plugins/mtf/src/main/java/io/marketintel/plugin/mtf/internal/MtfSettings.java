package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin's configuration ({@code plugins.mtf.*}), read from {@link Params} on every call because the operator
 * may change it at run time. Single keys are type- and range-checked by the runtime against {@link #SPECS};
 * {@link #from(Params)} parses the timeframe list and adds the cross-key rules the runtime cannot know (a positive
 * weight for every listed timeframe, ordered EMA and MACD periods, {@code avoid_threshold < enter_threshold},
 * {@code warm-up <= min_bars <= bars}). The plugin's {@code checkConfig} runs the same rules when the file is loaded.
 *
 * @param cacheTtl           how long a computed confluence is served from the cache
 * @param timeframes         the timeframes analysed, shortest first, distinct
 * @param weights            the configured (raw, not normalised) weight of each timeframe, same order, all positive
 * @param bars               closed candles requested per timeframe
 * @param minBars            closed candles a timeframe needs to be analysed at all
 * @param periods            indicator periods
 * @param directionThreshold strength (0 … 100) from which a timeframe, and the weighted whole, is BULLISH / BEARISH
 * @param neutralBandAtr     price-level differences (close vs EMA, EMA vs EMA) within this many ATRs vote 0
 * @param enterThreshold     confluence score from which ENTER is possible
 * @param avoidThreshold     confluence score below which the recommendation is AVOID
 */
public record MtfSettings(
        Duration cacheTtl,
        List<Interval> timeframes,
        List<Double> weights,
        int bars,
        int minBars,
        IndicatorPeriods periods,
        double directionThreshold,
        double neutralBandAtr,
        double enterThreshold,
        double avoidThreshold) {

    /** The plugin id, also the configuration section name. */
    static final String PLUGIN = "mtf";

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String TIMEFRAMES = "timeframes";
    public static final String BARS = "bars";
    public static final String MIN_BARS = "min_bars";
    public static final String EMA_FAST = "ema_fast";
    public static final String EMA_SLOW = "ema_slow";
    public static final String EMA_LONG = "ema_long";
    public static final String RSI_PERIOD = "rsi_period";
    public static final String MACD_FAST = "macd_fast";
    public static final String MACD_SLOW = "macd_slow";
    public static final String MACD_SIGNAL = "macd_signal";
    public static final String ADX_PERIOD = "adx_period";
    public static final String ATR_PERIOD = "atr_period";
    public static final String DIRECTION_THRESHOLD = "direction_threshold";
    public static final String NEUTRAL_BAND_ATR = "neutral_band_atr";
    public static final String ENTER_THRESHOLD = "enter_threshold";
    public static final String AVOID_THRESHOLD = "avoid_threshold";

    /** Binance's largest kline limit. */
    public static final int MAX_BARS = 1500;

    /** The specification's six timeframes. */
    public static final List<String> DEFAULT_TIMEFRAMES = List.of("1m", "5m", "15m", "1h", "4h", "1d");

    /** The specification's weights (%) of its six timeframes; every other interval defaults to 0. */
    private static final Map<Interval, Double> DEFAULT_WEIGHTS = defaultWeights();

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = specs();

    public MtfSettings {
        Objects.requireNonNull(cacheTtl, "property [cacheTtl] is missing for the mtf settings");
        Objects.requireNonNull(periods, "property [periods] is missing for the mtf settings");
        timeframes = List.copyOf(timeframes);
        weights = List.copyOf(weights);
        if (timeframes.isEmpty() || timeframes.size() != weights.size()) {
            throw new IllegalArgumentException("properties [timeframes] and [weights] must be non-empty and of the"
                    + " same size, were " + timeframes + " and " + weights);
        }
        for (Double w : weights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("property [weights] must be positive, was " + weights);
            }
        }
        if (minBars < 1 || minBars > bars) {
            throw new IllegalArgumentException("property [minBars] must be within [1, bars], was " + minBars);
        }
    }

    /** The configuration key of the weight of {@code interval}: {@code weight_1m} … {@code weight_1w}. */
    public static String weightKey(Interval interval) {
        return "weight_" + interval.code();
    }

    private static Map<Interval, Double> defaultWeights() {
        Map<Interval, Double> m = new EnumMap<>(Interval.class);
        for (Interval i : Interval.values()) {
            m.put(i, 0.0);
        }
        m.put(Interval.M1, 5.0);
        m.put(Interval.M5, 10.0);
        m.put(Interval.M15, 15.0);
        m.put(Interval.H1, 25.0);
        m.put(Interval.H4, 25.0);
        m.put(Interval.D1, 20.0);
        return m;
    }

    private static List<ParamSpec> specs() {
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(ParamSpec.integer(CACHE_TTL_SECONDS, 30).range(1, 3600)
                .describe("seconds a computed confluence is served from the cache (the spec's 30 seconds)"));
        specs.add(ParamSpec.stringList(TIMEFRAMES, DEFAULT_TIMEFRAMES).range(1, Interval.values().length)
                .describe("kline intervals analysed (Binance codes 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w),"
                        + " distinct; each needs a positive weight_<code>"));
        for (Interval i : Interval.values()) {
            specs.add(ParamSpec.decimal(weightKey(i), DEFAULT_WEIGHTS.get(i)).range(0, 100)
                    .describe("relative weight of the " + i.code() + " timeframe when it is listed in timeframes"
                            + " (must then be positive); weights are normalised over the timeframes that have data"));
        }
        specs.add(ParamSpec.integer(BARS, 499).range(30, MAX_BARS)
                .describe("closed candles requested per timeframe (499 is the largest request in Binance's weight-2"
                        + " tier and lets Wilder averages forget their seed)"));
        specs.add(ParamSpec.integer(MIN_BARS, 100).range(2, MAX_BARS)
                .describe("closed candles a timeframe needs to be analysed; with fewer it is reported NEUTRAL with"
                        + " strength 0 and its weight is excluded (at least the indicator warm-up, at most bars)"));
        specs.add(ParamSpec.integer(EMA_FAST, 20).range(2, 1000).describe("fast EMA period; below ema_slow"));
        specs.add(ParamSpec.integer(EMA_SLOW, 50).range(3, 1000).describe("slow EMA period; below ema_long"));
        specs.add(ParamSpec.integer(EMA_LONG, 200).range(4, MAX_BARS)
                .describe("long EMA period, used on timeframes with at least that many closed candles"));
        specs.add(ParamSpec.integer(RSI_PERIOD, 14).range(2, 200).describe("RSI period (Wilder)"));
        specs.add(ParamSpec.integer(MACD_FAST, 12).range(2, 200).describe("MACD fast EMA period; below macd_slow"));
        specs.add(ParamSpec.integer(MACD_SLOW, 26).range(3, 400).describe("MACD slow EMA period"));
        specs.add(ParamSpec.integer(MACD_SIGNAL, 9).range(1, 200).describe("MACD signal EMA period"));
        specs.add(ParamSpec.integer(ADX_PERIOD, 14).range(2, 200).describe("ADX and +DI/-DI period (Wilder)"));
        specs.add(ParamSpec.integer(ATR_PERIOD, 14).range(1, 200).describe("ATR period (Wilder)"));
        specs.add(ParamSpec.decimal(DIRECTION_THRESHOLD, 25.0).range(1, 100)
                .describe("strength (0..100) from which a timeframe, and the weighted whole, is BULLISH or BEARISH"
                        + " rather than NEUTRAL"));
        specs.add(ParamSpec.decimal(NEUTRAL_BAND_ATR, 0.1).range(0, 5)
                .describe("close-vs-EMA and EMA-vs-EMA differences within this many ATRs count as no vote"));
        specs.add(ParamSpec.decimal(ENTER_THRESHOLD, 70.0).range(1, 100)
                .describe("confluence score from which ENTER is recommended (the two highest-weight timeframes must"
                        + " also share the overall direction); above avoid_threshold"));
        specs.add(ParamSpec.decimal(AVOID_THRESHOLD, 30.0).range(0, 100)
                .describe("confluence score below which AVOID is recommended (also when a highest-weight timeframe"
                        + " opposes the overall direction); below enter_threshold"));
        return List.copyOf(specs);
    }

    /** The defaults of {@link #SPECS}. */
    public static MtfSettings defaults() {
        return from(defaultParams());
    }

    /** The defaults of {@link #SPECS} as {@link Params}, as the runtime would deliver them. */
    public static Params defaultParams() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : SPECS) {
            values.put(spec.name(), spec.defaultValue());
        }
        return Params.of(values);
    }

    /**
     * Reads, parses and cross-checks the configuration.
     *
     * @throws IntelException {@code INTERNAL_ERROR} naming the keys when the timeframe list cannot be parsed or the
     *                        keys disagree; the caller cannot fix this, the operator must
     */
    public static MtfSettings from(Params config) {
        List<String> codes = config.list(TIMEFRAMES);
        List<Interval> timeframes = new ArrayList<>();
        for (String code : codes) {
            String c = code == null ? "" : code.strip();
            Optional<Interval> interval = Interval.fromCode(c);
            if (interval.isEmpty()) {
                throw misconfigured("configuration key [" + key(TIMEFRAMES) + "] must list kline interval codes (1m 3m"
                        + " 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w), was [" + String.join(",", codes) + "] (bad value ["
                        + code + "])", TIMEFRAMES);
            }
            if (timeframes.contains(interval.get())) {
                throw misconfigured("configuration key [" + key(TIMEFRAMES) + "] lists " + c + " twice: ["
                        + String.join(",", codes) + "]", TIMEFRAMES);
            }
            timeframes.add(interval.get());
        }
        timeframes.sort(Comparator.comparingLong(Interval::millis));
        List<Double> weights = new ArrayList<>();
        for (Interval tf : timeframes) {
            double w = config.decimal(weightKey(tf));
            if (!(w > 0)) {
                throw misconfigured("configuration key [" + key(weightKey(tf)) + "] must be positive because ["
                        + key(TIMEFRAMES) + "] lists " + tf.code() + ", was " + plain(w), weightKey(tf), TIMEFRAMES);
            }
            weights.add(w);
        }
        int emaFast = config.integer(EMA_FAST);
        int emaSlow = config.integer(EMA_SLOW);
        int emaLong = config.integer(EMA_LONG);
        if (!(emaFast < emaSlow && emaSlow < emaLong)) {
            throw misconfigured("configuration of plugin [mtf] is inconsistent: [" + key(EMA_FAST) + "] (" + emaFast
                    + ") < [" + key(EMA_SLOW) + "] (" + emaSlow + ") < [" + key(EMA_LONG) + "] (" + emaLong
                    + ") must hold", EMA_FAST, EMA_SLOW, EMA_LONG);
        }
        int macdFast = config.integer(MACD_FAST);
        int macdSlow = config.integer(MACD_SLOW);
        if (!(macdFast < macdSlow)) {
            throw misconfigured("configuration of plugin [mtf] is inconsistent: [" + key(MACD_FAST) + "] (" + macdFast
                    + ") must be below [" + key(MACD_SLOW) + "] (" + macdSlow + ")", MACD_FAST, MACD_SLOW);
        }
        IndicatorPeriods periods = new IndicatorPeriods(emaFast, emaSlow, emaLong, config.integer(RSI_PERIOD),
                macdFast, macdSlow, config.integer(MACD_SIGNAL), config.integer(ADX_PERIOD), config.integer(ATR_PERIOD));
        double enter = config.decimal(ENTER_THRESHOLD);
        double avoid = config.decimal(AVOID_THRESHOLD);
        if (!(avoid < enter)) {
            throw misconfigured("configuration of plugin [mtf] is inconsistent: [" + key(AVOID_THRESHOLD) + "] ("
                    + plain(avoid) + ") must be below [" + key(ENTER_THRESHOLD) + "] (" + plain(enter) + ")",
                    AVOID_THRESHOLD, ENTER_THRESHOLD);
        }
        int bars = config.integer(BARS);
        int minBars = config.integer(MIN_BARS);
        if (minBars > bars) {
            throw misconfigured("configuration of plugin [mtf] is inconsistent: [" + key(MIN_BARS) + "] (" + minBars
                    + ") must not exceed [" + key(BARS) + "] (" + bars + ")", MIN_BARS, BARS);
        }
        int warmUp = periods.warmUp();
        if (minBars < warmUp) {
            throw misconfigured("configuration of plugin [mtf] is inconsistent: [" + key(MIN_BARS) + "] (" + minBars
                    + ") must be at least the indicator warm-up " + warmUp + " = " + periods.warmUpText(),
                    MIN_BARS, EMA_SLOW, RSI_PERIOD, ATR_PERIOD, ADX_PERIOD, MACD_SLOW, MACD_SIGNAL);
        }
        return new MtfSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                timeframes,
                weights,
                bars,
                minBars,
                periods,
                config.decimal(DIRECTION_THRESHOLD),
                config.decimal(NEUTRAL_BAND_ATR),
                enter,
                avoid);
    }

    private static String key(String name) {
        return "plugins." + PLUGIN + "." + name;
    }

    private static IntelException misconfigured(String message, String... keys) {
        return new IntelException(ErrorCode.INTERNAL_ERROR, message, Map.of("plugin", PLUGIN, "keys", List.of(keys)));
    }

    /** {@code 25.0 → "25"}, {@code 0.5 → "0.5"}. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The configured weight of every timeframe as an array (same order as {@link #timeframes()}). */
    double[] weightArray() {
        double[] out = new double[weights.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights.get(i);
        }
        return out;
    }

    /** The settings the analysis depends on (not the TTL), as a stable string for cache keys. */
    public String fingerprint() {
        StringBuilder tf = new StringBuilder();
        for (int i = 0; i < timeframes.size(); i++) {
            tf.append(timeframes.get(i).code()).append('=').append(weights.get(i)).append(';');
        }
        return "tf=" + tf + ",b=" + bars + ",mb=" + minBars + ",p=" + periods + ",dt=" + directionThreshold
                + ",nb=" + neutralBandAtr + ",e=" + enterThreshold + ",a=" + avoidThreshold;
    }
}
