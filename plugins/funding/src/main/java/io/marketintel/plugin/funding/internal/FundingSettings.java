package io.marketintel.plugin.funding.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.market.Period;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin's configuration ({@code plugins.funding.*}), read from {@link Params} on every call because
 * the operator may change it at run time. Single keys are range-checked by the runtime against
 * {@link #SPECS}; {@link #from(Params)} adds the cross-key rules the runtime cannot know.
 *
 * @param cacheTtl               how long a sentiment result is served from the cache
 * @param extremeThresholdPct    funding in % strictly beyond which the class is EXTREME_*
 * @param bullishThresholdPct    funding in % from which (inclusive) the class is BULLISH / BEARISH
 * @param oiPeriod               period of the open interest, ratio and taker series
 * @param oiPoints               number of periods the open interest / taker window spans
 * @param oiTrendThresholdPct    OI change in % strictly beyond which the trend is RISING / FALLING
 * @param divergenceThresholdPts smart-money minus retail long share (percentage points) strictly beyond
 *                               which the divergence signal fires
 * @param takerRatioThreshold    distance of the average taker buy/sell ratio from 1 strictly beyond which
 *                               the taker-flow signal fires
 */
public record FundingSettings(
        Duration cacheTtl,
        double extremeThresholdPct,
        double bullishThresholdPct,
        Period oiPeriod,
        int oiPoints,
        double oiTrendThresholdPct,
        double divergenceThresholdPts,
        double takerRatioThreshold) {

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String EXTREME_THRESHOLD_PCT = "extreme_threshold_pct";
    public static final String BULLISH_THRESHOLD_PCT = "bullish_threshold_pct";
    public static final String OI_PERIOD = "oi_period";
    public static final String OI_POINTS = "oi_points";
    public static final String OI_TREND_THRESHOLD_PCT = "oi_trend_threshold_pct";
    public static final String DIVERGENCE_THRESHOLD_PTS = "divergence_threshold_pts";
    public static final String TAKER_RATIO_THRESHOLD = "taker_ratio_threshold";

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(CACHE_TTL_SECONDS, 300).range(1, 3600)
                    .describe("seconds a sentiment result is served from the cache"),
            ParamSpec.decimal(EXTREME_THRESHOLD_PCT, 0.15).range(0.0001, 10)
                    .describe("funding in % strictly above which (below minus which) sentiment is EXTREME_BULLISH"
                            + " (EXTREME_BEARISH); must exceed bullish_threshold_pct"),
            ParamSpec.decimal(BULLISH_THRESHOLD_PCT, 0.05).range(0.0001, 10)
                    .describe("funding in % from which (inclusive) sentiment is BULLISH (at or below minus it:"
                            + " BEARISH); must be below extreme_threshold_pct"),
            ParamSpec.enumeration(OI_PERIOD, Period.H1.code(), Arrays.stream(Period.values()).map(Period::code).toList())
                    .describe("period of the open interest, long/short ratio and taker series (Binance codes 5m..1d)"),
            ParamSpec.integer(OI_POINTS, 24).range(1, 499)
                    .describe("number of oi_period periods the open interest change and taker average span"),
            ParamSpec.decimal(OI_TREND_THRESHOLD_PCT, 2.0).range(0, 100)
                    .describe("open interest change in % strictly beyond which the trend is RISING / FALLING"),
            ParamSpec.decimal(DIVERGENCE_THRESHOLD_PTS, 10.0).range(0, 100)
                    .describe("top-trader minus retail long share, percentage points, strictly beyond which the"
                            + " smart-money divergence signal fires"),
            ParamSpec.decimal(TAKER_RATIO_THRESHOLD, 0.05).range(0, 1)
                    .describe("distance of the average taker buy/sell ratio from 1 strictly beyond which the"
                            + " taker-flow signal fires"));

    public FundingSettings {
        Objects.requireNonNull(cacheTtl, "property [cacheTtl] is missing for the funding settings");
        Objects.requireNonNull(oiPeriod, "property [oiPeriod] is missing for the funding settings");
        if (oiPoints < 1) {
            throw new IllegalArgumentException("property [oiPoints] must be at least 1, was " + oiPoints);
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static FundingSettings defaults() {
        return from(defaultParams());
    }

    /** The defaults of {@link #SPECS} as {@link Params}, as the runtime would deliver them. */
    public static Params defaultParams() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (ParamSpec spec : SPECS) {
            values.put(spec.name(), spec.defaultValue());
        }
        return Params.of(values);
    }

    /**
     * Reads and cross-checks the configuration.
     *
     * @throws IntelException {@code INTERNAL_ERROR} naming the keys when the configuration is inconsistent
     *                        (e.g. {@code bullish_threshold_pct} not below {@code extreme_threshold_pct}); the
     *                        caller cannot fix this, the operator must
     */
    public static FundingSettings from(Params config) {
        double extreme = config.decimal(EXTREME_THRESHOLD_PCT);
        double bullish = config.decimal(BULLISH_THRESHOLD_PCT);
        if (!(bullish < extreme)) {
            throw new IntelException(ErrorCode.INTERNAL_ERROR,
                    "configuration of plugin [funding] is inconsistent: [plugins.funding." + BULLISH_THRESHOLD_PCT
                            + "] (" + bullish + ") must be below [plugins.funding." + EXTREME_THRESHOLD_PCT + "] ("
                            + extreme + ")",
                    Map.of("plugin", "funding", "keys", List.of(BULLISH_THRESHOLD_PCT, EXTREME_THRESHOLD_PCT),
                            BULLISH_THRESHOLD_PCT, bullish, EXTREME_THRESHOLD_PCT, extreme));
        }
        String periodCode = config.string(OI_PERIOD);
        Optional<Period> period = Period.fromCode(periodCode);
        if (period.isEmpty()) {
            throw new IntelException(ErrorCode.INTERNAL_ERROR, "configuration key [plugins.funding." + OI_PERIOD
                    + "] has unknown period [" + periodCode + "]", Map.of("plugin", "funding", "keys", List.of(OI_PERIOD)));
        }
        return new FundingSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                extreme,
                bullish,
                period.get(),
                config.integer(OI_POINTS),
                config.decimal(OI_TREND_THRESHOLD_PCT),
                config.decimal(DIVERGENCE_THRESHOLD_PTS),
                config.decimal(TAKER_RATIO_THRESHOLD));
    }
}
