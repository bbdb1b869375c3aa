package io.marketintel.plugin.volumeprofile.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin's configuration ({@code plugins.volume-profile.*}), read from {@link Params} on every call because
 * the operator may change it at run time. Single keys are type- and range-checked by the runtime against
 * {@link #SPECS}; {@link #from(Params)} adds the cross-key rule the runtime cannot know
 * ({@code lvn_threshold_pct} below {@code hvn_threshold_pct}).
 *
 * @param cacheTtl             how long a computed profile or comparison is served from the cache
 * @param binCount             bins wanted across the window's range (the bin size is rounded up to the tick, so
 *                             there may be fewer)
 * @param valueAreaPct         share of the volume the value area holds, %
 * @param hvnThresholdPct      % of the mean bin volume strictly above which a bin is part of a high volume node
 * @param lvnThresholdPct      % of the mean bin volume strictly below which a bin is part of a low volume node
 * @param defaultInterval      kline interval when a call gives none
 * @param defaultLookback      closed candles in the profile when a call gives none
 * @param historicalMultiplier length of the historical profile of {@code compare}, in current windows, when a call
 *                             gives none
 */
public record ProfileSettings(
        Duration cacheTtl,
        int binCount,
        double valueAreaPct,
        double hvnThresholdPct,
        double lvnThresholdPct,
        Interval defaultInterval,
        int defaultLookback,
        int historicalMultiplier) {

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String BIN_COUNT = "bin_count";
    public static final String VALUE_AREA_PCT = "value_area_pct";
    public static final String HVN_THRESHOLD_PCT = "hvn_threshold_pct";
    public static final String LVN_THRESHOLD_PCT = "lvn_threshold_pct";
    public static final String DEFAULT_INTERVAL = "default_interval";
    public static final String DEFAULT_LOOKBACK = "default_lookback";
    public static final String HISTORICAL_MULTIPLIER = "historical_multiplier";

    /** Smallest and largest lookback, as the {@code lookback} parameter declares them. */
    public static final int MIN_LOOKBACK = 10;
    public static final int MAX_LOOKBACK = 1500;
    /** Smallest and largest historical multiplier. */
    public static final int MIN_MULTIPLIER = 2;
    public static final int MAX_MULTIPLIER = 10;

    /** Binance's kline codes, 1m … 1w. */
    public static final List<String> INTERVAL_CODES = Arrays.stream(Interval.values()).map(Interval::code).toList();

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(CACHE_TTL_SECONDS, 60).range(1, 3600)
                    .describe("seconds a computed profile or comparison is served from the cache (the spec's 1 minute)"),
            ParamSpec.integer(BIN_COUNT, 50).range(10, 500)
                    .describe("price bins across the window's high-low range; the bin size is range / bin_count rounded"
                            + " up to a whole number of ticks, so a profile may have fewer bins"),
            ParamSpec.decimal(VALUE_AREA_PCT, 70.0).range(10, 99)
                    .describe("share of the volume, %, the value area holds (grown outward from the POC)"),
            ParamSpec.decimal(HVN_THRESHOLD_PCT, 150.0).range(1, 1000)
                    .describe("a bin with volume strictly above this % of the mean bin volume is part of a high volume"
                            + " node; must be above lvn_threshold_pct"),
            ParamSpec.decimal(LVN_THRESHOLD_PCT, 50.0).range(0, 999)
                    .describe("a bin with volume strictly below this % of the mean bin volume is part of a low volume"
                            + " node; must be below hvn_threshold_pct"),
            ParamSpec.enumeration(DEFAULT_INTERVAL, Interval.M5.code(), INTERVAL_CODES)
                    .describe("kline interval when a call gives no interval (Binance codes 1m..1w)"),
            ParamSpec.integer(DEFAULT_LOOKBACK, 200).range(MIN_LOOKBACK, MAX_LOOKBACK)
                    .describe("closed candles in a profile when a call gives no lookback"),
            ParamSpec.integer(HISTORICAL_MULTIPLIER, 5).range(MIN_MULTIPLIER, MAX_MULTIPLIER)
                    .describe("compare: the historical profile covers this many current windows right before the"
                            + " current one, when a call gives no historical_multiplier"));

    public ProfileSettings {
        Objects.requireNonNull(cacheTtl, "property [cacheTtl] is missing for the volume-profile settings");
        Objects.requireNonNull(defaultInterval, "property [defaultInterval] is missing for the volume-profile settings");
        if (binCount < 1) {
            throw new IllegalArgumentException("property [binCount] must be at least 1, was " + binCount);
        }
        if (!(lvnThresholdPct < hvnThresholdPct)) {
            throw new IllegalArgumentException("property [lvnThresholdPct] (" + lvnThresholdPct
                    + ") must be below [hvnThresholdPct] (" + hvnThresholdPct + ")");
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static ProfileSettings defaults() {
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
     * @throws IntelException {@code INTERNAL_ERROR} naming the keys when the configuration is inconsistent; the
     *                        caller cannot fix this, the operator must
     */
    public static ProfileSettings from(Params config) {
        double hvn = config.decimal(HVN_THRESHOLD_PCT);
        double lvn = config.decimal(LVN_THRESHOLD_PCT);
        if (!(lvn < hvn)) {
            throw new IntelException(ErrorCode.INTERNAL_ERROR,
                    "configuration of plugin [" + VolumeProfilePlugin.ID + "] is inconsistent: [plugins."
                            + VolumeProfilePlugin.ID + "." + LVN_THRESHOLD_PCT + "] (" + lvn + ") must be below [plugins."
                            + VolumeProfilePlugin.ID + "." + HVN_THRESHOLD_PCT + "] (" + hvn + ")",
                    Map.of("plugin", VolumeProfilePlugin.ID, "keys", List.of(LVN_THRESHOLD_PCT, HVN_THRESHOLD_PCT),
                            LVN_THRESHOLD_PCT, lvn, HVN_THRESHOLD_PCT, hvn));
        }
        String code = config.string(DEFAULT_INTERVAL);
        Optional<Interval> interval = Interval.fromCode(code);
        if (interval.isEmpty()) {
            throw new IntelException(ErrorCode.INTERNAL_ERROR, "configuration key [plugins." + VolumeProfilePlugin.ID
                    + "." + DEFAULT_INTERVAL + "] has unknown interval [" + code + "]",
                    Map.of("plugin", VolumeProfilePlugin.ID, "keys", List.of(DEFAULT_INTERVAL)));
        }
        return new ProfileSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                config.integer(BIN_COUNT),
                config.decimal(VALUE_AREA_PCT),
                hvn,
                lvn,
                interval.get(),
                config.integer(DEFAULT_LOOKBACK),
                config.integer(HISTORICAL_MULTIPLIER));
    }

    /** The settings a profile depends on (not the TTL or the call defaults), as a stable string for cache keys. */
    public String fingerprint() {
        return "b=" + binCount + ",va=" + valueAreaPct + ",h=" + hvnThresholdPct + ",l=" + lvnThresholdPct;
    }
}
