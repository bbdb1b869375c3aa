package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import io.marketintel.api.trading.WorkingType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plugin's configuration ({@code plugins.tp-ladder.*}), read from {@link Params} on every call because the
 * operator may change it at run time. Single keys are type- and range-checked by the runtime against
 * {@link #SPECS}; {@link #from(Params)} adds what the runtime cannot know (thresholds in order, three increasing
 * multipliers per regime, splits of three positive shares summing to 100, enough bars for the indicators).
 *
 * @param cacheTtl                  how long a symbol's regime analysis is reused
 * @param interval                  kline interval of the analysis
 * @param bars                      closed candles analysed
 * @param atrPeriod                 Wilder ATR period
 * @param adxPeriod                 Wilder ADX period
 * @param momentumBars              bars the momentum (net move) spans
 * @param trendingAdx               ADX from which (inclusive) a market can be TRENDING
 * @param strongTrendAdx            ADX from which (inclusive) a market can be STRONG_TREND
 * @param trendingMomentumAtr       |momentum| in ATRs from which (inclusive) a market can be TRENDING
 * @param strongTrendMomentumAtr    |momentum| in ATRs from which (inclusive) a market can be STRONG_TREND
 * @param volatilitySpikeRatio      ATR over its window average from which a STRONG_TREND is capped at TRENDING
 * @param aggressiveMultiplier      factor on the ATR multipliers for AGGRESSIVE
 * @param conservativeMultiplier    factor on the ATR multipliers for CONSERVATIVE
 * @param multipliers               per regime, the ATR multipliers of TP1, TP2, TP3 of a three-level ladder
 * @param splits                    per regime, the % of the position at TP1, TP2, TP3 of a three-level ladder
 * @param workingType               which price triggers the take-profit orders
 * @param priceProtect              Binance's trigger protection flag on the orders
 * @param enforceMinNotional        whether each level must reach the symbol's MIN_NOTIONAL
 */
public record LadderSettings(
        Duration cacheTtl,
        Interval interval,
        int bars,
        int atrPeriod,
        int adxPeriod,
        int momentumBars,
        double trendingAdx,
        double strongTrendAdx,
        double trendingMomentumAtr,
        double strongTrendMomentumAtr,
        double volatilitySpikeRatio,
        double aggressiveMultiplier,
        double conservativeMultiplier,
        Map<MarketRegime, List<BigDecimal>> multipliers,
        Map<MarketRegime, List<BigDecimal>> splits,
        WorkingType workingType,
        boolean priceProtect,
        boolean enforceMinNotional) {

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String INTERVAL = "interval";
    public static final String BARS = "bars";
    public static final String ATR_PERIOD = "atr_period";
    public static final String ADX_PERIOD = "adx_period";
    public static final String MOMENTUM_BARS = "momentum_bars";
    public static final String TRENDING_ADX = "trending_adx";
    public static final String STRONG_TREND_ADX = "strong_trend_adx";
    public static final String TRENDING_MOMENTUM_ATR = "trending_momentum_atr";
    public static final String STRONG_TREND_MOMENTUM_ATR = "strong_trend_momentum_atr";
    public static final String VOLATILITY_SPIKE_RATIO = "volatility_spike_ratio";
    public static final String AGGRESSIVE_MULTIPLIER = "aggressive_multiplier";
    public static final String CONSERVATIVE_MULTIPLIER = "conservative_multiplier";
    public static final String STRONG_TREND_MULTIPLIERS = "strong_trend_multipliers";
    public static final String TRENDING_MULTIPLIERS = "trending_multipliers";
    public static final String RANGING_MULTIPLIERS = "ranging_multipliers";
    public static final String STRONG_TREND_SPLIT = "strong_trend_split";
    public static final String TRENDING_SPLIT = "trending_split";
    public static final String RANGING_SPLIT = "ranging_split";
    public static final String WORKING_TYPE = "working_type";
    public static final String PRICE_PROTECT = "price_protect";
    public static final String ENFORCE_MIN_NOTIONAL = "enforce_min_notional";

    /** Binance's kline codes, 1m … 1w. */
    public static final List<String> INTERVAL_CODES = Arrays.stream(Interval.values()).map(Interval::code).toList();
    /** Most bars: one kline request of 1500 holds them and the forming candle. */
    public static final int MAX_BARS = 1499;

    private static final Map<MarketRegime, String> MULTIPLIER_KEYS = Map.of(
            MarketRegime.STRONG_TREND, STRONG_TREND_MULTIPLIERS,
            MarketRegime.TRENDING, TRENDING_MULTIPLIERS,
            MarketRegime.RANGING, RANGING_MULTIPLIERS);
    private static final Map<MarketRegime, String> SPLIT_KEYS = Map.of(
            MarketRegime.STRONG_TREND, STRONG_TREND_SPLIT,
            MarketRegime.TRENDING, TRENDING_SPLIT,
            MarketRegime.RANGING, RANGING_SPLIT);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(CACHE_TTL_SECONDS, 60).range(1, 3600)
                    .describe("seconds a symbol's regime analysis (klines, ATR, ADX, momentum) is reused"),
            ParamSpec.enumeration(INTERVAL, Interval.H1.code(), INTERVAL_CODES)
                    .describe("kline interval of the regime analysis (Binance codes 1m..1w); closed candles only"),
            ParamSpec.integer(BARS, 100).range(30, MAX_BARS)
                    .describe("closed candles analysed; at least 2 x adx_period, atr_period + 1 and momentum_bars + 1"),
            ParamSpec.integer(ATR_PERIOD, 14).range(2, 200).describe("Wilder ATR period"),
            ParamSpec.integer(ADX_PERIOD, 14).range(2, 200).describe("Wilder ADX period"),
            ParamSpec.integer(MOMENTUM_BARS, 10).range(1, 500)
                    .describe("bars the momentum (net close-to-close move, in ATRs) spans"),
            ParamSpec.decimal(TRENDING_ADX, 25.0).range(0, 100)
                    .describe("ADX at or above it (with the trending momentum) is TRENDING; below strong_trend_adx"),
            ParamSpec.decimal(STRONG_TREND_ADX, 40.0).range(0, 100)
                    .describe("ADX at or above it (with the strong momentum) is STRONG_TREND; above trending_adx"),
            ParamSpec.decimal(TRENDING_MOMENTUM_ATR, 1.0).range(0, 100)
                    .describe("|net move over momentum_bars| in ATRs at or above it is trending momentum"),
            ParamSpec.decimal(STRONG_TREND_MOMENTUM_ATR, 3.0).range(0, 100)
                    .describe("|net move over momentum_bars| in ATRs at or above it is strong momentum; at least"
                            + " trending_momentum_atr"),
            ParamSpec.decimal(VOLATILITY_SPIKE_RATIO, 2.0).range(1, 100)
                    .describe("ATR at or above this multiple of its average over the bars caps STRONG_TREND at"
                            + " TRENDING (an inflated ATR would overshoot the widest targets)"),
            ParamSpec.decimal(AGGRESSIVE_MULTIPLIER, 1.3).range(1, 5)
                    .describe("AGGRESSIVE: factor on the regime's ATR multipliers"),
            ParamSpec.decimal(CONSERVATIVE_MULTIPLIER, 0.7).range(0.05, 1)
                    .describe("CONSERVATIVE: factor on the regime's ATR multipliers"),
            ParamSpec.stringList(STRONG_TREND_MULTIPLIERS, List.of("2", "4", "7")).range(3, 3)
                    .describe("ATR multiples of TP1, TP2, TP3 in a STRONG_TREND (positive, increasing); other level"
                            + " counts interpolate them"),
            ParamSpec.stringList(TRENDING_MULTIPLIERS, List.of("1.5", "3", "5")).range(3, 3)
                    .describe("ATR multiples of TP1, TP2, TP3 when TRENDING"),
            ParamSpec.stringList(RANGING_MULTIPLIERS, List.of("1", "2", "3.5")).range(3, 3)
                    .describe("ATR multiples of TP1, TP2, TP3 when RANGING"),
            ParamSpec.stringList(STRONG_TREND_SPLIT, List.of("20", "30", "50")).range(3, 3)
                    .describe("% of the position at TP1, TP2, TP3 in a STRONG_TREND (positive, summing to 100)"),
            ParamSpec.stringList(TRENDING_SPLIT, List.of("25", "35", "40")).range(3, 3)
                    .describe("% of the position at TP1, TP2, TP3 when TRENDING (the specification's example)"),
            ParamSpec.stringList(RANGING_SPLIT, List.of("40", "35", "25")).range(3, 3)
                    .describe("% of the position at TP1, TP2, TP3 when RANGING"),
            ParamSpec.enumeration(WORKING_TYPE, WorkingType.MARK_PRICE.name(),
                            List.of(WorkingType.MARK_PRICE.name(), WorkingType.CONTRACT_PRICE.name()))
                    .describe("price that triggers the take-profit orders (and decides whether a level is already"
                            + " reached): MARK_PRICE or CONTRACT_PRICE (last trade)"),
            ParamSpec.bool(PRICE_PROTECT, false).describe("Binance's priceProtect flag on the take-profit orders"),
            ParamSpec.bool(ENFORCE_MIN_NOTIONAL, true)
                    .describe("each level must reach the symbol's MIN_NOTIONAL (Binance exempts reduce-only orders;"
                            + " the ladder keeps every slice meaningful); levels below it are merged"));

    public LadderSettings {
        Objects.requireNonNull(cacheTtl, "property [cacheTtl] is missing for the tp-ladder settings");
        Objects.requireNonNull(interval, "property [interval] is missing for the tp-ladder settings");
        Objects.requireNonNull(workingType, "property [workingType] is missing for the tp-ladder settings");
        multipliers = Map.copyOf(multipliers);
        splits = Map.copyOf(splits);
        for (MarketRegime r : MarketRegime.values()) {
            if (multipliers.get(r) == null || multipliers.get(r).size() != 3) {
                throw new IllegalArgumentException("property [multipliers] needs three values for " + r);
            }
            if (splits.get(r) == null || splits.get(r).size() != 3) {
                throw new IllegalArgumentException("property [splits] needs three values for " + r);
            }
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static LadderSettings defaults() {
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

    /** The defaults with some keys replaced (tests, examples). */
    public static LadderSettings with(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(defaultParams().asMap());
        values.putAll(overrides);
        return from(Params.of(values));
    }

    /**
     * Reads and cross-checks the configuration.
     *
     * @throws IntelException {@code INTERNAL_ERROR} naming the keys when the configuration is inconsistent; the
     *                        caller cannot fix this, the operator must
     */
    public static LadderSettings from(Params config) {
        double trendingAdx = config.decimal(TRENDING_ADX);
        double strongAdx = config.decimal(STRONG_TREND_ADX);
        if (!(trendingAdx < strongAdx)) {
            throw inconsistent("[" + key(TRENDING_ADX) + "] (" + trendingAdx + ") must be below [" + key(STRONG_TREND_ADX)
                    + "] (" + strongAdx + ")", TRENDING_ADX, STRONG_TREND_ADX);
        }
        double trendingMomentum = config.decimal(TRENDING_MOMENTUM_ATR);
        double strongMomentum = config.decimal(STRONG_TREND_MOMENTUM_ATR);
        if (trendingMomentum > strongMomentum) {
            throw inconsistent("[" + key(TRENDING_MOMENTUM_ATR) + "] (" + trendingMomentum + ") must not be above ["
                    + key(STRONG_TREND_MOMENTUM_ATR) + "] (" + strongMomentum + ")", TRENDING_MOMENTUM_ATR,
                    STRONG_TREND_MOMENTUM_ATR);
        }
        int bars = config.integer(BARS);
        int atr = config.integer(ATR_PERIOD);
        int adx = config.integer(ADX_PERIOD);
        int momentum = config.integer(MOMENTUM_BARS);
        int needed = minBars(atr, adx, momentum);
        if (bars < needed) {
            throw inconsistent("[" + key(BARS) + "] (" + bars + ") must be at least " + needed
                    + " = max(2 x [" + key(ADX_PERIOD) + "] (" + adx + "), [" + key(ATR_PERIOD) + "] + 1 (" + (atr + 1)
                    + "), [" + key(MOMENTUM_BARS) + "] + 1 (" + (momentum + 1) + "))", BARS, ADX_PERIOD, ATR_PERIOD,
                    MOMENTUM_BARS);
        }
        Map<MarketRegime, List<BigDecimal>> multipliers = new EnumMap<>(MarketRegime.class);
        Map<MarketRegime, List<BigDecimal>> splits = new EnumMap<>(MarketRegime.class);
        for (MarketRegime r : MarketRegime.values()) {
            multipliers.put(r, multipliers(config, MULTIPLIER_KEYS.get(r)));
            splits.put(r, split(config, SPLIT_KEYS.get(r)));
        }
        String code = config.string(INTERVAL);
        Interval interval = Interval.fromCode(code).orElseThrow(() -> inconsistent("[" + key(INTERVAL)
                + "] has unknown interval [" + code + "]", INTERVAL));
        return new LadderSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                interval,
                bars,
                atr,
                adx,
                momentum,
                trendingAdx,
                strongAdx,
                trendingMomentum,
                strongMomentum,
                config.decimal(VOLATILITY_SPIKE_RATIO),
                config.decimal(AGGRESSIVE_MULTIPLIER),
                config.decimal(CONSERVATIVE_MULTIPLIER),
                multipliers,
                splits,
                WorkingType.valueOf(config.string(WORKING_TYPE)),
                config.bool(PRICE_PROTECT),
                config.bool(ENFORCE_MIN_NOTIONAL));
    }

    /** Fewest closed candles the indicators need: the last ADX, ATR and momentum values must exist. */
    static int minBars(int atrPeriod, int adxPeriod, int momentumBars) {
        return Math.max(2 * adxPeriod, Math.max(atrPeriod + 1, momentumBars + 1));
    }

    /** The strategy's factor on the ATR multipliers. */
    public double scale(Strategy strategy) {
        return switch (strategy) {
            case ADAPTIVE -> 1.0;
            case AGGRESSIVE -> aggressiveMultiplier;
            case CONSERVATIVE -> conservativeMultiplier;
        };
    }

    /** What the regime analysis depends on, as a stable string for cache keys. */
    public String analysisFingerprint() {
        return interval.code() + "|" + bars + "|" + atrPeriod + "|" + adxPeriod + "|" + momentumBars + "|" + trendingAdx
                + "|" + strongTrendAdx + "|" + trendingMomentumAtr + "|" + strongTrendMomentumAtr + "|"
                + volatilitySpikeRatio;
    }

    private static List<BigDecimal> multipliers(Params config, String name) {
        List<BigDecimal> values = numbers(config, name, "three positive ATR multiples in increasing order");
        for (int i = 0; i < 3; i++) {
            if (values.get(i).signum() <= 0 || (i > 0 && values.get(i).compareTo(values.get(i - 1)) <= 0)) {
                throw inconsistent("[" + key(name) + "] must list three positive ATR multiples in increasing order,"
                        + " was " + config.list(name), name);
            }
        }
        return values;
    }

    private static List<BigDecimal> split(Params config, String name) {
        List<BigDecimal> values = numbers(config, name, "three positive percentages summing to 100");
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            if (v.signum() <= 0) {
                throw inconsistent("[" + key(name) + "] must list three positive percentages summing to 100, was "
                        + config.list(name), name);
            }
            sum = sum.add(v);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw inconsistent("[" + key(name) + "] must sum to 100, was " + config.list(name) + " (sum "
                    + sum.stripTrailingZeros().toPlainString() + ")", name);
        }
        return values;
    }

    private static List<BigDecimal> numbers(Params config, String name, String what) {
        List<String> text = config.list(name);
        if (text.size() != 3) {
            throw inconsistent("[" + key(name) + "] must list " + what + ", was " + text, name);
        }
        List<BigDecimal> out = new ArrayList<>(3);
        for (String t : text) {
            try {
                out.add(new BigDecimal(t.trim()));
            } catch (NumberFormatException e) {
                throw inconsistent("[" + key(name) + "] must list " + what + ", was " + text + " (\"" + t
                        + "\" is not a number)", name);
            }
        }
        return List.copyOf(out);
    }

    private static String key(String name) {
        return "plugins." + TpLadderPlugin.ID + "." + name;
    }

    private static IntelException inconsistent(String what, String... keys) {
        return new IntelException(ErrorCode.INTERNAL_ERROR, "configuration of plugin [" + TpLadderPlugin.ID
                + "] is inconsistent: " + what, Map.of("plugin", TpLadderPlugin.ID, "keys", List.of(keys)));
    }
}
