package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's configuration ({@code plugins.order-routing.*}), read from {@link Params} whenever an execution is
 * planned, because the operator may change it at run time (a running execution keeps the plan it was given). Single
 * keys are type- and range-checked by the runtime against {@link #SPECS}; {@link #from(Params)} adds the cross-key
 * rule the runtime cannot know ({@code min_slices} at most {@code max_slices}).
 *
 * @param defaultDuration         duration of an execution whose caller gives none (adaptive scales it by urgency)
 * @param minSlices               fewest TWAP slices (unless MIN_NOTIONAL / minQty force fewer)
 * @param maxSlices               most TWAP slices
 * @param twapSliceInterval       target time between TWAP slices: slices = duration / interval within [min, max]
 * @param twapRandomisationPct    each slice after the first moves by up to ± this % of the interval (seeded)
 * @param icebergVisibleFraction  visible share of the total quantity of an iceberg's child order
 * @param pollInterval            how often a working limit order is polled (fills, touch moved away)
 * @param adaptiveSpreadBps       a spread wider than this favours passive execution (ICEBERG)
 * @param adaptiveImpactBps       an estimated impact above this favours slicing over time (TWAP)
 * @param adaptiveVolatilityBps   a 1-minute volatility above this favours TWAP over resting quotes
 * @param depthBandPct            book depth and available liquidity are counted within ± this % of the mid
 * @param volatilityLookback      closed 1-minute klines the volatility is measured over
 * @param bookLimit               order book levels requested (5, 10, 20, 50, 100, 500 or 1000)
 * @param onRestart               what happens to an execution found running at start
 * @param maxConcurrent           executions that may run at once
 * @param historyRetention        how long finished executions are kept
 */
public record RoutingSettings(
        Duration defaultDuration,
        int minSlices,
        int maxSlices,
        Duration twapSliceInterval,
        double twapRandomisationPct,
        double icebergVisibleFraction,
        Duration pollInterval,
        double adaptiveSpreadBps,
        double adaptiveImpactBps,
        double adaptiveVolatilityBps,
        double depthBandPct,
        int volatilityLookback,
        int bookLimit,
        OnRestart onRestart,
        int maxConcurrent,
        Duration historyRetention) {

    public static final String DEFAULT_DURATION_SECONDS = "default_duration_seconds";
    public static final String MIN_SLICES = "min_slices";
    public static final String MAX_SLICES = "max_slices";
    public static final String TWAP_SLICE_INTERVAL_SECONDS = "twap_slice_interval_seconds";
    public static final String TWAP_RANDOMISATION_PCT = "twap_randomisation_pct";
    public static final String ICEBERG_VISIBLE_FRACTION = "iceberg_visible_fraction";
    public static final String POLL_INTERVAL_MS = "poll_interval_ms";
    public static final String ADAPTIVE_SPREAD_BPS = "adaptive_spread_bps";
    public static final String ADAPTIVE_IMPACT_BPS = "adaptive_impact_bps";
    public static final String ADAPTIVE_VOLATILITY_BPS = "adaptive_volatility_bps";
    public static final String DEPTH_BAND_PCT = "depth_band_pct";
    public static final String VOLATILITY_LOOKBACK = "volatility_lookback";
    public static final String BOOK_LIMIT = "book_limit";
    public static final String ON_RESTART = "on_restart";
    public static final String MAX_CONCURRENT_EXECUTIONS = "max_concurrent_executions";
    public static final String HISTORY_RETENTION_DAYS = "history_retention_days";

    /** Longest duration an execution may have, one day. */
    public static final int MAX_DURATION_SECONDS = 86_400;
    /** Most slices an execution may be cut into. */
    public static final int MAX_SLICES_LIMIT = 1000;
    /** Book depths Binance's {@code /fapi/v1/depth} accepts. */
    public static final List<String> BOOK_LIMITS = List.of("5", "10", "20", "50", "100", "500", "1000");

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(DEFAULT_DURATION_SECONDS, 300).range(1, MAX_DURATION_SECONDS)
                    .describe("duration of an execution whose request gives no duration_seconds; adaptive routing"
                            + " scales it by urgency (LOW x2, NORMAL x1, HIGH x0.5)"),
            ParamSpec.integer(MIN_SLICES, 2).range(1, MAX_SLICES_LIMIT)
                    .describe("fewest TWAP slices (fewer only when LOT_SIZE minQty or MIN_NOTIONAL force merging);"
                            + " at most max_slices"),
            ParamSpec.integer(MAX_SLICES, 50).range(1, MAX_SLICES_LIMIT)
                    .describe("most TWAP slices; at least min_slices"),
            ParamSpec.integer(TWAP_SLICE_INTERVAL_SECONDS, 30).range(1, 3600)
                    .describe("target seconds between TWAP slices: slices = duration / interval, within"
                            + " [min_slices, max_slices]"),
            ParamSpec.decimal(TWAP_RANDOMISATION_PCT, 10.0).range(0, 45)
                    .describe("each TWAP slice after the first moves by up to +/- this % of the interval (seeded per"
                            + " execution, so a schedule is reproducible); 0 for an exact grid"),
            ParamSpec.decimal(ICEBERG_VISIBLE_FRACTION, 0.1).range(0.001, 1)
                    .describe("visible share of the total quantity in each iceberg child order (raised to the"
                            + " symbol's minQty / MIN_NOTIONAL when below)"),
            ParamSpec.integer(POLL_INTERVAL_MS, 2000).range(100, 60_000)
                    .describe("milliseconds between polls of a working limit order (fills, touch moved away)"),
            ParamSpec.decimal(ADAPTIVE_SPREAD_BPS, 5.0).range(0, 10_000)
                    .describe("adaptive: a spread wider than this (bps of the mid) favours resting at the touch"
                            + " (ICEBERG)"),
            ParamSpec.decimal(ADAPTIVE_IMPACT_BPS, 10.0).range(0, 10_000)
                    .describe("adaptive: an estimated impact of the whole order above this (bps from the mid) favours"
                            + " slicing it over time (TWAP); a share of it, by urgency, allows one MARKET order"),
            ParamSpec.decimal(ADAPTIVE_VOLATILITY_BPS, 15.0).range(0, 10_000)
                    .describe("adaptive: a 1-minute volatility (stdev of log returns, bps) above this favours TWAP"
                            + " over resting quotes"),
            ParamSpec.decimal(DEPTH_BAND_PCT, 0.5).range(0.01, 50)
                    .describe("book depth and available liquidity are counted within +/- this % of the mid"),
            ParamSpec.integer(VOLATILITY_LOOKBACK, 60).range(5, 1000)
                    .describe("closed 1-minute klines the volatility is measured over"),
            ParamSpec.enumeration(BOOK_LIMIT, "500", BOOK_LIMITS)
                    .describe("order book levels per side read for the analysis and dry-run fills"),
            ParamSpec.enumeration(ON_RESTART, OnRestart.STOP, OnRestart.class)
                    .describe("an execution found RUNNING at start (interrupted by a crash or a stop): RESUME it where"
                            + " the journal says it stopped, or STOP it (reporting what was sent and filled)"),
            ParamSpec.integer(MAX_CONCURRENT_EXECUTIONS, 5).range(1, 100)
                    .describe("executions that may run at once; more are refused with 409"),
            ParamSpec.integer(HISTORY_RETENTION_DAYS, 30).range(1, 3650)
                    .describe("finished executions (and their slices) older than this are deleted"));

    public RoutingSettings {
        if (minSlices > maxSlices) {
            throw new IllegalArgumentException("property [minSlices] (" + minSlices + ") must be at most [maxSlices] ("
                    + maxSlices + ")");
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static RoutingSettings defaults() {
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
     * Reads and cross-checks the configuration.
     *
     * @throws IntelException {@code INTERNAL_ERROR} naming the keys when the configuration is inconsistent; the caller
     *                        cannot fix this, the operator must
     */
    public static RoutingSettings from(Params config) {
        int min = config.integer(MIN_SLICES);
        int max = config.integer(MAX_SLICES);
        if (min > max) {
            throw new IntelException(ErrorCode.INTERNAL_ERROR, "configuration of plugin [" + OrderRoutingPlugin.ID
                    + "] is inconsistent: [plugins." + OrderRoutingPlugin.ID + "." + MIN_SLICES + "] (" + min
                    + ") must be at most [plugins." + OrderRoutingPlugin.ID + "." + MAX_SLICES + "] (" + max + ")",
                    Map.of("plugin", OrderRoutingPlugin.ID, "keys", List.of(MIN_SLICES, MAX_SLICES), MIN_SLICES, min,
                            MAX_SLICES, max));
        }
        return new RoutingSettings(
                Duration.ofSeconds(config.longValue(DEFAULT_DURATION_SECONDS)),
                min,
                max,
                Duration.ofSeconds(config.longValue(TWAP_SLICE_INTERVAL_SECONDS)),
                config.decimal(TWAP_RANDOMISATION_PCT),
                config.decimal(ICEBERG_VISIBLE_FRACTION),
                Duration.ofMillis(config.longValue(POLL_INTERVAL_MS)),
                config.decimal(ADAPTIVE_SPREAD_BPS),
                config.decimal(ADAPTIVE_IMPACT_BPS),
                config.decimal(ADAPTIVE_VOLATILITY_BPS),
                config.decimal(DEPTH_BAND_PCT),
                config.integer(VOLATILITY_LOOKBACK),
                Integer.parseInt(config.string(BOOK_LIMIT)),
                config.enumValue(ON_RESTART, OnRestart.class),
                config.integer(MAX_CONCURRENT_EXECUTIONS),
                Duration.ofDays(config.longValue(HISTORY_RETENTION_DAYS)));
    }

    /** The number of TWAP slices for {@code duration}: duration / interval rounded, within [min, max]. */
    int slicesFor(Duration duration) {
        long n = Math.round((double) duration.toMillis() / twapSliceInterval.toMillis());
        return (int) Math.max(minSlices, Math.min(maxSlices, n));
    }
}
