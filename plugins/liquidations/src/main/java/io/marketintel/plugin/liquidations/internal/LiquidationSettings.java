package io.marketintel.plugin.liquidations.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.market.Period;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plugin's configuration ({@code plugins.liquidations.*}), read from {@link Params} on every call because
 * the operator may change it at run time. Single keys are type- and range-checked by the runtime against
 * {@link #SPECS}; {@link #from(Params)} parses the list keys and adds the cross-key rules the runtime cannot
 * know (one weight per leverage tier, whole-number tiers).
 *
 * @param cacheTtl            how long a computed heatmap is served from the cache
 * @param leverageTiers       leverage tiers modelled, ascending, distinct, 1 … 125
 * @param tierWeights         share of the open interest assumed at each tier (same order, sums to 1)
 * @param oiPeriod            period of the open interest history, the klines and the ratios
 * @param oiPoints            number of periods of build-up walked (the history has {@code oiPoints + 1} points)
 * @param decayHalfLifeHours  half-life of the weight of older build-up, hours
 * @param bucketPct           heatmap bucket size in % of the mark price (rounded to the tick)
 * @param clusterTolerancePct gap in % of price beyond adjacency within which significant buckets still merge
 * @param clusterMinDensity   density (0 … 100) from which a bucket takes part in a cluster
 * @param cascadeWindowPct    distance from price, %, within which liquidations count for the cascade risk
 * @param topPositionWeight   weight of the top-trader position ratio in the long/short split (the global
 *                            account ratio gets {@code 1 − weight})
 * @param positionNotional    notional of the representative position whose bracket is used, quote asset
 * @param maxZonesPerSide     most zones listed per side in the heatmap (the largest ones)
 */
public record LiquidationSettings(
        Duration cacheTtl,
        List<Integer> leverageTiers,
        List<Double> tierWeights,
        Period oiPeriod,
        int oiPoints,
        double decayHalfLifeHours,
        double bucketPct,
        double clusterTolerancePct,
        int clusterMinDensity,
        double cascadeWindowPct,
        double topPositionWeight,
        double positionNotional,
        int maxZonesPerSide) {

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String LEVERAGE_TIERS = "leverage_tiers";
    public static final String TIER_WEIGHTS = "tier_weights";
    public static final String OI_PERIOD = "oi_period";
    public static final String OI_POINTS = "oi_points";
    public static final String DECAY_HALF_LIFE_HOURS = "decay_half_life_hours";
    public static final String BUCKET_PCT = "bucket_pct";
    public static final String CLUSTER_TOLERANCE_PCT = "cluster_tolerance_pct";
    public static final String CLUSTER_MIN_DENSITY = "cluster_min_density";
    public static final String CASCADE_WINDOW_PCT = "cascade_window_pct";
    public static final String TOP_POSITION_WEIGHT = "top_position_weight";
    public static final String POSITION_NOTIONAL = "position_notional";
    public static final String MAX_ZONES_PER_SIDE = "max_zones_per_side";

    /** Highest leverage Binance offers on any USDⓈ-M symbol. */
    public static final int MAX_LEVERAGE = 125;

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(CACHE_TTL_SECONDS, 60).range(1, 3600)
                    .describe("seconds a computed heatmap is served from the cache (the spec's 1 minute)"),
            ParamSpec.stringList(LEVERAGE_TIERS, List.of("5", "10", "20", "25", "50", "100")).range(1, 20)
                    .describe("leverage tiers modelled, whole numbers 1..125 (e.g. 5,10,20,25,50,100)"),
            ParamSpec.stringList(TIER_WEIGHTS, List.of("15", "25", "25", "15", "12", "8")).range(1, 20)
                    .describe("relative share of open interest at each leverage tier, one non-negative number per"
                            + " tier in the same order; normalised to sum to 1"),
            ParamSpec.enumeration(OI_PERIOD, Period.H1.code(), Arrays.stream(Period.values()).map(Period::code).toList())
                    .describe("period of the open interest history, klines and long/short ratios (Binance codes 5m..1d)"),
            ParamSpec.integer(OI_POINTS, 48).range(2, 499)
                    .describe("number of oi_period periods of open interest build-up walked (48 x 1h = 2 days)"),
            ParamSpec.decimal(DECAY_HALF_LIFE_HOURS, 24.0).range(0.1, 8760)
                    .describe("half-life in hours of the weight of older build-up (positions get closed over time)"),
            ParamSpec.decimal(BUCKET_PCT, 0.25).range(0.01, 5)
                    .describe("heatmap bucket size in % of the mark price, rounded to the symbol's tick"),
            ParamSpec.decimal(CLUSTER_TOLERANCE_PCT, 0.25).range(0, 10)
                    .describe("significant buckets further apart than one bucket still merge into one cluster when"
                            + " the extra gap is at most this % of price"),
            ParamSpec.integer(CLUSTER_MIN_DENSITY, 20).range(0, 100)
                    .describe("density (0..100) from which a bucket takes part in a cluster"),
            ParamSpec.decimal(CASCADE_WINDOW_PCT, 5.0).range(0.1, 50)
                    .describe("distance from price in % within which liquidations count for cascade risk and bias"),
            ParamSpec.decimal(TOP_POSITION_WEIGHT, 0.5).range(0, 1)
                    .describe("weight of the top-trader position ratio in the long/short split; the global account"
                            + " ratio gets 1 - weight"),
            ParamSpec.decimal(POSITION_NOTIONAL, 100_000.0).range(10, 1e9)
                    .describe("notional (quote asset) of the representative position whose maintenance bracket is used"),
            ParamSpec.integer(MAX_ZONES_PER_SIDE, 25).range(1, 200)
                    .describe("most liquidation zones listed per side in the heatmap (the largest ones)"));

    public LiquidationSettings {
        Objects.requireNonNull(cacheTtl, "property [cacheTtl] is missing for the liquidations settings");
        Objects.requireNonNull(oiPeriod, "property [oiPeriod] is missing for the liquidations settings");
        leverageTiers = List.copyOf(leverageTiers);
        tierWeights = List.copyOf(tierWeights);
        if (leverageTiers.isEmpty() || leverageTiers.size() != tierWeights.size()) {
            throw new IllegalArgumentException("properties [leverageTiers] and [tierWeights] must be non-empty and"
                    + " of the same size, were " + leverageTiers + " and " + tierWeights);
        }
        if (oiPoints < 2) {
            throw new IllegalArgumentException("property [oiPoints] must be at least 2, was " + oiPoints);
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static LiquidationSettings defaults() {
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
     * @throws IntelException {@code INTERNAL_ERROR} naming the key when a list key cannot be parsed or the keys
     *                        disagree; the caller cannot fix this, the operator must
     */
    public static LiquidationSettings from(Params config) {
        List<String> tierText = config.list(LEVERAGE_TIERS);
        List<String> weightText = config.list(TIER_WEIGHTS);
        List<Integer> tiers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String t : tierText) {
            Integer v = parseTier(t);
            if (v == null) {
                throw misconfigured(LEVERAGE_TIERS, "must list whole numbers from 1 to " + MAX_LEVERAGE + ", was ["
                        + String.join(",", tierText) + "] (bad value [" + t + "])");
            }
            if (!seen.add(v)) {
                throw misconfigured(LEVERAGE_TIERS, "lists leverage " + v + " twice: [" + String.join(",", tierText) + "]");
            }
            tiers.add(v);
        }
        if (weightText.size() != tiers.size()) {
            throw misconfigured(TIER_WEIGHTS, "must give one weight per leverage tier: " + weightText.size()
                    + " weights [" + String.join(",", weightText) + "] for " + tiers.size() + " tiers "
                    + "[plugins.liquidations." + LEVERAGE_TIERS + "] [" + String.join(",", tierText) + "]");
        }
        List<Double> raw = new ArrayList<>();
        double sum = 0;
        for (String w : weightText) {
            Double v = parseWeight(w);
            if (v == null) {
                throw misconfigured(TIER_WEIGHTS, "must list non-negative numbers, was [" + String.join(",", weightText)
                        + "] (bad value [" + w + "])");
            }
            raw.add(v);
            sum += v;
        }
        if (!(sum > 0)) {
            throw misconfigured(TIER_WEIGHTS, "must not all be zero, was [" + String.join(",", weightText) + "]");
        }
        // Sort tiers ascending, weights along, and normalise the weights to sum to 1.
        Integer[] order = new Integer[tiers.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(tiers.get(a), tiers.get(b)));
        List<Integer> sortedTiers = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Integer i : order) {
            sortedTiers.add(tiers.get(i));
            weights.add(raw.get(i) / sum);
        }
        String periodCode = config.string(OI_PERIOD);
        Optional<Period> period = Period.fromCode(periodCode);
        if (period.isEmpty()) {
            throw misconfigured(OI_PERIOD, "has unknown period [" + periodCode + "]");
        }
        return new LiquidationSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                sortedTiers,
                weights,
                period.get(),
                config.integer(OI_POINTS),
                config.decimal(DECAY_HALF_LIFE_HOURS),
                config.decimal(BUCKET_PCT),
                config.decimal(CLUSTER_TOLERANCE_PCT),
                config.integer(CLUSTER_MIN_DENSITY),
                config.decimal(CASCADE_WINDOW_PCT),
                config.decimal(TOP_POSITION_WEIGHT),
                config.decimal(POSITION_NOTIONAL),
                config.integer(MAX_ZONES_PER_SIDE));
    }

    private static Integer parseTier(String text) {
        String t = text == null ? "" : text.strip();
        if (t.endsWith("x") || t.endsWith("X")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (!t.matches("\\d{1,3}")) {
            return null;
        }
        int v = Integer.parseInt(t);
        return v >= 1 && v <= MAX_LEVERAGE ? v : null;
    }

    private static Double parseWeight(String text) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.strip());
            return Double.isFinite(v) && v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static IntelException misconfigured(String key, String problem) {
        return new IntelException(ErrorCode.INTERNAL_ERROR,
                "configuration key [plugins.liquidations." + key + "] " + problem,
                Map.of("plugin", "liquidations", "keys", List.of(key)));
    }

    /** The settings the model depends on (not the TTL), as a stable string for cache keys. */
    public String fingerprint() {
        return "t=" + leverageTiers + ",w=" + tierWeights + ",p=" + oiPeriod.code() + ",n=" + oiPoints
                + ",h=" + decayHalfLifeHours + ",b=" + bucketPct + ",ct=" + clusterTolerancePct
                + ",cd=" + clusterMinDensity + ",cw=" + cascadeWindowPct + ",tw=" + topPositionWeight
                + ",pn=" + positionNotional + ",mz=" + maxZonesPerSide;
    }
}
