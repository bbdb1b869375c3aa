package io.marketintel.plugin.orderbook.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's configuration ({@code plugins.orderbook.*}), read from {@link Params} on every call because the
 * operator may change it at run time. Single keys are type- and range-checked by the runtime against
 * {@link #SPECS}.
 *
 * @param cacheTtl               how long a result is served from the plugin's cache
 * @param depthLimit             levels per side asked from the market (a Binance depth limit)
 * @param wallMultiplier         a level is a wall when its quantity is at least this multiple of its side's
 *                               mean level quantity
 * @param maxWalls               walls listed per side in the result (strongest first); all are counted
 * @param imbalanceBandPct       half-width of the band around mid, percent, within which volumes are summed
 *                               for the imbalance and the depth score and walls count as "near"
 * @param dominantThresholdPct   |imbalance| (and |net pressure| for the bias) from which (inclusive) a side
 *                               dominates
 * @param spoofDistancePct       a wall strictly beyond this distance from mid, percent, is "far"
 * @param spoofMinMultiple       only walls at least this multiple of their side's mean can be spoof evidence
 * @param spoofMinSnapshots      a pulled wall is spoof evidence only when it had stood in at least this many
 *                               successive snapshots (≥ 2)
 * @param spoofMinApproach       a pulled wall is spoof evidence only when the mid covered at least this fraction
 *                               (0 … 1) of the wall's distance between the last snapshot with it and the first
 *                               without it (and moved toward it at all)
 * @param historySize            snapshots kept per symbol for the spoofing check
 * @param historyMaxAge          age after which a snapshot leaves the history
 * @param clusterTolerancePct    levels within this distance (percent of mid) of a cluster's nearest level
 *                               merge into one support / resistance
 * @param depthReferenceNotional quote notional within the band that earns the full volume part of the depth score
 */
public record OrderBookSettings(
        Duration cacheTtl,
        int depthLimit,
        double wallMultiplier,
        int maxWalls,
        double imbalanceBandPct,
        double dominantThresholdPct,
        double spoofDistancePct,
        double spoofMinMultiple,
        int spoofMinSnapshots,
        double spoofMinApproach,
        int historySize,
        Duration historyMaxAge,
        double clusterTolerancePct,
        double depthReferenceNotional) {

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String DEPTH_LIMIT = "depth_limit";
    public static final String WALL_MULTIPLIER = "wall_multiplier";
    public static final String MAX_WALLS = "max_walls";
    public static final String IMBALANCE_BAND_PCT = "imbalance_band_pct";
    public static final String DOMINANT_THRESHOLD_PCT = "dominant_threshold_pct";
    public static final String SPOOF_DISTANCE_PCT = "spoof_distance_pct";
    public static final String SPOOF_MIN_MULTIPLE = "spoof_min_multiple";
    public static final String SPOOF_MIN_SNAPSHOTS = "spoof_min_snapshots";
    public static final String SPOOF_MIN_APPROACH = "spoof_min_approach";
    public static final String HISTORY_SIZE = "history_size";
    public static final String HISTORY_MAX_AGE_SECONDS = "history_max_age_seconds";
    public static final String CLUSTER_TOLERANCE_PCT = "cluster_tolerance_pct";
    public static final String DEPTH_REFERENCE_NOTIONAL = "depth_reference_notional";

    /** The depth limits Binance's {@code /fapi/v1/depth} accepts. */
    public static final List<String> DEPTH_LIMITS = List.of("5", "10", "20", "50", "100", "500", "1000");

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(CACHE_TTL_SECONDS, 10).range(1, 3600)
                    .describe("seconds an analysis or levels result is served from the cache (the spec's order-book 10 s)"),
            ParamSpec.enumeration(DEPTH_LIMIT, "500", DEPTH_LIMITS)
                    .describe("order book levels per side to fetch and analyse (a Binance depth limit)"),
            ParamSpec.decimal(WALL_MULTIPLIER, 3.0).range(1, 100)
                    .describe("a level is a whale wall when its quantity is at least this multiple of the mean"
                            + " quantity of the analysed levels of its side"),
            ParamSpec.integer(MAX_WALLS, 10).range(1, 100)
                    .describe("whale walls listed per side, strongest first (whale_bid_count / whale_ask_count count"
                            + " them all)"),
            ParamSpec.decimal(IMBALANCE_BAND_PCT, 0.5).range(0.01, 50)
                    .describe("half-width in % of the band around mid whose volume gives the imbalance and the depth"
                            + " score; walls inside it are near the price"),
            ParamSpec.decimal(DOMINANT_THRESHOLD_PCT, 10.0).range(0, 100)
                    .describe("imbalance in % from which (inclusive) the dominant side is BID (at or below minus it:"
                            + " ASK); the same threshold applies to the net pressure behind the bias"),
            ParamSpec.decimal(SPOOF_DISTANCE_PCT, 1.0).range(0.01, 50)
                    .describe("distance from mid in % strictly beyond which a wall is far; far walls on one side only"
                            + " are suspected spoofs"),
            ParamSpec.decimal(SPOOF_MIN_MULTIPLE, 10.0).range(1, 1000)
                    .describe("only walls at least this multiple of their side's mean level quantity count as spoof"
                            + " evidence (far and one-sided, or vanished); smaller walls come and go all the time"),
            ParamSpec.integer(SPOOF_MIN_SNAPSHOTS, 2).range(2, 100)
                    .describe("a vanished wall is spoof evidence only when it had stood in at least this many"
                            + " successive snapshots; a wall seen once is ordinary churn"),
            ParamSpec.decimal(SPOOF_MIN_APPROACH, 0.5).range(0, 1)
                    .describe("a vanished wall is spoof evidence only when the price came at least this fraction of"
                            + " the way to it (0.5: half-way) between the last snapshot with it and the first without"
                            + " it; 0: any move toward it; a wall pulled while the price stands still or moves away is"
                            + " ordinary churn"),
            ParamSpec.integer(HISTORY_SIZE, 10).range(2, 100)
                    .describe("snapshots of walls kept per symbol to catch walls that appear and vanish"),
            ParamSpec.integer(HISTORY_MAX_AGE_SECONDS, 120).range(10, 3600)
                    .describe("seconds after which a snapshot leaves the history; an older previous snapshot is not"
                            + " compared with"),
            ParamSpec.decimal(CLUSTER_TOLERANCE_PCT, 0.02).range(0.0001, 10)
                    .describe("walls within this distance (% of mid) of a cluster's nearest wall merge into one"
                            + " support / resistance level"),
            ParamSpec.decimal(DEPTH_REFERENCE_NOTIONAL, 10_000_000.0).range(1, 1e12)
                    .describe("quote notional (USDT) within the band that earns the full volume part of the depth"
                            + " score; each tenfold less costs a third of it"));

    public OrderBookSettings {
        if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.isZero()) {
            throw new IllegalArgumentException("property [cacheTtl] must be positive, was " + cacheTtl);
        }
        if (!DEPTH_LIMITS.contains(Integer.toString(depthLimit))) {
            throw new IllegalArgumentException("property [depthLimit] must be one of " + DEPTH_LIMITS + ", was "
                    + depthLimit);
        }
        if (!(wallMultiplier > 0)) {
            throw new IllegalArgumentException("property [wallMultiplier] must be positive, was " + wallMultiplier);
        }
        if (maxWalls < 1) {
            throw new IllegalArgumentException("property [maxWalls] must be at least 1, was " + maxWalls);
        }
        if (!(imbalanceBandPct > 0)) {
            throw new IllegalArgumentException("property [imbalanceBandPct] must be positive, was " + imbalanceBandPct);
        }
        if (spoofMinSnapshots < 2) {
            throw new IllegalArgumentException("property [spoofMinSnapshots] must be at least 2, was "
                    + spoofMinSnapshots);
        }
        if (!(spoofMinApproach >= 0 && spoofMinApproach <= 1)) {
            throw new IllegalArgumentException("property [spoofMinApproach] must be within 0 … 1, was "
                    + spoofMinApproach);
        }
        if (historySize < 2) {
            throw new IllegalArgumentException("property [historySize] must be at least 2, was " + historySize);
        }
        if (historyMaxAge == null || historyMaxAge.isNegative() || historyMaxAge.isZero()) {
            throw new IllegalArgumentException("property [historyMaxAge] must be positive, was " + historyMaxAge);
        }
        if (!(depthReferenceNotional > 0)) {
            throw new IllegalArgumentException("property [depthReferenceNotional] must be positive, was "
                    + depthReferenceNotional);
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static OrderBookSettings defaults() {
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

    /** The defaults with some keys replaced (tests, benchmarks). */
    public static OrderBookSettings with(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(defaultParams().asMap());
        values.putAll(overrides);
        return from(Params.of(values));
    }

    /**
     * Reads the configuration.
     *
     * @throws IntelException {@code INTERNAL_ERROR} naming the key when a value the runtime let through cannot be
     *                        used (the caller cannot fix this, the operator must)
     */
    public static OrderBookSettings from(Params config) {
        String depth = config.string(DEPTH_LIMIT);
        if (!DEPTH_LIMITS.contains(depth)) {
            throw new IntelException(ErrorCode.INTERNAL_ERROR, "configuration key [plugins.orderbook." + DEPTH_LIMIT
                    + "] must be one of " + DEPTH_LIMITS + ", was [" + depth + "]",
                    Map.of("plugin", OrderBookPlugin.ID, "keys", List.of(DEPTH_LIMIT)));
        }
        return new OrderBookSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                Integer.parseInt(depth),
                config.decimal(WALL_MULTIPLIER),
                config.integer(MAX_WALLS),
                config.decimal(IMBALANCE_BAND_PCT),
                config.decimal(DOMINANT_THRESHOLD_PCT),
                config.decimal(SPOOF_DISTANCE_PCT),
                config.decimal(SPOOF_MIN_MULTIPLE),
                config.integer(SPOOF_MIN_SNAPSHOTS),
                config.decimal(SPOOF_MIN_APPROACH),
                config.integer(HISTORY_SIZE),
                Duration.ofSeconds(config.longValue(HISTORY_MAX_AGE_SECONDS)),
                config.decimal(CLUSTER_TOLERANCE_PCT),
                config.decimal(DEPTH_REFERENCE_NOTIONAL));
    }

    /** The settings a result depends on (not the TTL), as a stable string for cache keys. */
    String fingerprint() {
        return "d=" + depthLimit + ",k=" + wallMultiplier + ",w=" + maxWalls + ",b=" + imbalanceBandPct
                + ",t=" + dominantThresholdPct + ",s=" + spoofDistancePct + "/" + spoofMinMultiple + "/"
                + spoofMinSnapshots + "/" + spoofMinApproach + ",h=" + historySize + "/"
                + historyMaxAge.toSeconds() + ",c=" + clusterTolerancePct + ",r=" + depthReferenceNotional;
    }
}
