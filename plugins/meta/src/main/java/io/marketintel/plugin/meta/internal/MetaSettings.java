package io.marketintel.plugin.meta.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the strategy selector ({@code plugins.meta.*}), read on every call and every labelling pass.
 * Single keys are type- and range-checked by the runtime against {@link #SPECS}; {@link #from(Params)} adds the
 * cross-key rules ({@code low_volatility_atr_pct < high_volatility_atr_pct}, {@code mild_confluence <
 * strong_confluence}, {@code horizon_minutes} a whole number of {@code label_interval} candles, 6 … 1500 of them).
 */
record MetaSettings(
        Duration analysisDeadline,
        Duration portfolioDeadline,
        int horizonMinutes,
        Interval labelInterval,
        Duration labellingPeriod,
        int labelBatchSize,
        Duration labelGiveUp,
        int minSamples,
        double switchProbability,
        double priorMeanReturnPct,
        double priorMeanWeight,
        double priorReturnStdPct,
        double strongConfluence,
        double mildConfluence,
        double strongAdx,
        double highVolatilityAtrPct,
        double lowVolatilityAtrPct,
        int cascadeRiskHigh,
        int maxPortfolioHeat,
        int confidenceStrongTrend,
        int confidenceMildTrend,
        int confidenceRanging,
        int confidenceHighVolatility,
        int confidenceLowVolatility,
        double defaultUnitPct,
        Duration statsCacheTtl) {

    static final String ANALYSIS_DEADLINE_MS = "analysis_deadline_ms";
    static final String PORTFOLIO_DEADLINE_MS = "portfolio_deadline_ms";
    static final String HORIZON_MINUTES = "horizon_minutes";
    static final String LABEL_INTERVAL = "label_interval";
    static final String LABELLING_PERIOD_SECONDS = "labelling_period_seconds";
    static final String LABEL_BATCH_SIZE = "label_batch_size";
    static final String LABEL_GIVE_UP_HOURS = "label_give_up_hours";
    static final String MIN_SAMPLES = "min_samples";
    static final String SWITCH_PROBABILITY = "switch_probability";
    static final String PRIOR_MEAN_RETURN_PCT = "prior_mean_return_pct";
    static final String PRIOR_MEAN_WEIGHT = "prior_mean_weight";
    static final String PRIOR_RETURN_STD_PCT = "prior_return_std_pct";
    static final String STRONG_CONFLUENCE = "strong_confluence";
    static final String MILD_CONFLUENCE = "mild_confluence";
    static final String STRONG_ADX = "strong_adx";
    static final String HIGH_VOLATILITY_ATR_PCT = "high_volatility_atr_pct";
    static final String LOW_VOLATILITY_ATR_PCT = "low_volatility_atr_pct";
    static final String CASCADE_RISK_HIGH = "cascade_risk_high";
    static final String MAX_PORTFOLIO_HEAT = "max_portfolio_heat";
    static final String CONFIDENCE_STRONG_TREND = "confidence_strong_trend";
    static final String CONFIDENCE_MILD_TREND = "confidence_mild_trend";
    static final String CONFIDENCE_RANGING = "confidence_ranging";
    static final String CONFIDENCE_HIGH_VOLATILITY = "confidence_high_volatility";
    static final String CONFIDENCE_LOW_VOLATILITY = "confidence_low_volatility";
    static final String DEFAULT_UNIT_PCT = "default_unit_pct";
    static final String STATS_CACHE_TTL_SECONDS = "stats_cache_ttl_seconds";

    /** Intervals the labeller may use. */
    static final List<String> LABEL_INTERVALS = List.of("1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h");
    /** Fewest and most candles in a horizon. */
    static final int MIN_HORIZON_BARS = 6;
    static final int MAX_HORIZON_BARS = 1500;

    /** The configuration keys with defaults, ranges and descriptions. */
    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(ANALYSIS_DEADLINE_MS, 10_000).range(100, 120_000)
                    .describe("ms the complete-analysis call may take when the caller gives no market_data"),
            ParamSpec.integer(PORTFOLIO_DEADLINE_MS, 1_000).range(50, 30_000)
                    .describe("ms the risk.portfolio-heat call may take when the caller gives no portfolio_state;"
                            + " later, the recommendation goes ahead without it and says so"),
            ParamSpec.integer(HORIZON_MINUTES, 1_440).range(5, 43_200)
                    .describe("how long after a recommendation its outcome is measured (automatic labelling); a whole"
                            + " number of label_interval candles, 6 .. 1500 of them"),
            ParamSpec.enumeration(LABEL_INTERVAL, "1h", LABEL_INTERVALS)
                    .describe("kline interval the labeller simulates the arms on"),
            ParamSpec.integer(LABELLING_PERIOD_SECONDS, 60).range(1, 86_400)
                    .describe("real seconds between labelling passes (each labels every recommendation whose horizon"
                            + " has passed by ctx.clock(), so a fast replay clock is kept up with)"),
            ParamSpec.integer(LABEL_BATCH_SIZE, 200).range(1, 10_000)
                    .describe("most recommendations one labelling pass handles (oldest first)"),
            ParamSpec.integer(LABEL_GIVE_UP_HOURS, 72).range(1, 8_760)
                    .describe("hours after its horizon a recommendation whose klines never arrive is marked SKIPPED"),
            ParamSpec.integer(MIN_SAMPLES, 20).range(2, 1_000_000)
                    .describe("paired outcomes an arm needs against the prior arm before it may replace it"),
            ParamSpec.decimal(SWITCH_PROBABILITY, 0.95).range(0.5, 0.9999)
                    .describe("posterior probability that an arm's mean return beats the prior arm's (paired) from"
                            + " which the learner switches to it"),
            ParamSpec.decimal(PRIOR_MEAN_RETURN_PCT, 0.0).range(-100, 100)
                    .describe("Normal-Inverse-Gamma prior: mean return of an arm before any outcome, %"),
            ParamSpec.decimal(PRIOR_MEAN_WEIGHT, 1.0).range(0.001, 1_000)
                    .describe("Normal-Inverse-Gamma prior: weight of that mean, in pseudo-outcomes (kappa0)"),
            ParamSpec.decimal(PRIOR_RETURN_STD_PCT, 2.0).range(0.001, 100)
                    .describe("Normal-Inverse-Gamma prior: expected standard deviation of a return (and of a paired"
                            + " difference), %; alpha0 = 2, beta0 = std^2"),
            ParamSpec.decimal(STRONG_CONFLUENCE, 70.0).range(0, 100)
                    .describe("MTF confluence score from which a trend is strong (inclusive); above mild_confluence"),
            ParamSpec.decimal(MILD_CONFLUENCE, 40.0).range(0, 100)
                    .describe("MTF confluence score from which a direction is a mild trend (inclusive)"),
            ParamSpec.decimal(STRONG_ADX, 25.0).range(0, 100)
                    .describe("mean ADX of the 1h and 4h timeframes from which a trend is strong (inclusive)"),
            ParamSpec.decimal(HIGH_VOLATILITY_ATR_PCT, 1.5).range(0.001, 100)
                    .describe("1h ATR as % of price from which the market is high_volatility (inclusive)"),
            ParamSpec.decimal(LOW_VOLATILITY_ATR_PCT, 0.35).range(0, 100)
                    .describe("1h ATR as % of price up to which a trendless market is low_volatility (inclusive);"
                            + " below high_volatility_atr_pct"),
            ParamSpec.integer(CASCADE_RISK_HIGH, 70).range(0, 100)
                    .describe("liquidation cascade_risk_score from which the market is high_volatility (inclusive)"),
            ParamSpec.integer(MAX_PORTFOLIO_HEAT, 70).range(0, 100)
                    .describe("portfolio heat score above which the overall confidence drops by 15"),
            ParamSpec.integer(CONFIDENCE_STRONG_TREND, 85).range(0, 100)
                    .describe("prior confidence of strong_uptrend / strong_downtrend"),
            ParamSpec.integer(CONFIDENCE_MILD_TREND, 70).range(0, 100)
                    .describe("prior confidence of mild_uptrend / mild_downtrend"),
            ParamSpec.integer(CONFIDENCE_RANGING, 60).range(0, 100)
                    .describe("prior confidence of ranging"),
            ParamSpec.integer(CONFIDENCE_HIGH_VOLATILITY, 50).range(0, 100)
                    .describe("prior confidence of high_volatility"),
            ParamSpec.integer(CONFIDENCE_LOW_VOLATILITY, 55).range(0, 100)
                    .describe("prior confidence of low_volatility"),
            ParamSpec.decimal(DEFAULT_UNIT_PCT, 1.0).range(0.01, 50)
                    .describe("trade unit (stop and target distances), % of price, when the analysis gives no ATR"),
            ParamSpec.integer(STATS_CACHE_TTL_SECONDS, 30).range(0, 3_600)
                    .describe("seconds the learner's statistics of a condition are reused (0: read H2 every time);"
                            + " any new outcome invalidates them at once"));

    /** The defaults of {@link #SPECS} as the runtime would deliver them. */
    static Params defaultParams() {
        Map<String, Object> values = new LinkedHashMap<>();
        SPECS.forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        return Params.of(values);
    }

    /** The defaults. */
    static MetaSettings defaults() {
        return from(defaultParams());
    }

    /** Candles in a horizon. */
    int horizonBars() {
        return (int) (horizonMinutes * 60_000L / labelInterval.millis());
    }

    /**
     * Reads and cross-checks the configuration.
     *
     * @throws IntelException INTERNAL_ERROR naming the keys when the configuration is inconsistent
     */
    static MetaSettings from(Params c) {
        double high = c.decimal(HIGH_VOLATILITY_ATR_PCT);
        double low = c.decimal(LOW_VOLATILITY_ATR_PCT);
        if (!(low < high)) {
            throw inconsistent(LOW_VOLATILITY_ATR_PCT, low, "must be below", HIGH_VOLATILITY_ATR_PCT, high);
        }
        double strong = c.decimal(STRONG_CONFLUENCE);
        double mild = c.decimal(MILD_CONFLUENCE);
        if (!(mild < strong)) {
            throw inconsistent(MILD_CONFLUENCE, mild, "must be below", STRONG_CONFLUENCE, strong);
        }
        String code = c.string(LABEL_INTERVAL);
        Interval interval = Interval.fromCode(code).orElseThrow(() -> new IntelException(ErrorCode.INTERNAL_ERROR,
                "configuration key [plugins." + MetaPlugin.ID + "." + LABEL_INTERVAL + "] has unknown interval ["
                        + code + "]", Map.of("plugin", MetaPlugin.ID, "keys", List.of(LABEL_INTERVAL))));
        int horizon = c.integer(HORIZON_MINUTES);
        long horizonMs = horizon * 60_000L;
        long bars = horizonMs / interval.millis();
        if (horizonMs % interval.millis() != 0 || bars < MIN_HORIZON_BARS || bars > MAX_HORIZON_BARS) {
            throw new IntelException(ErrorCode.INTERNAL_ERROR, "configuration of plugin [" + MetaPlugin.ID
                    + "] is inconsistent: [plugins." + MetaPlugin.ID + "." + HORIZON_MINUTES + "] (" + horizon
                    + ") must be a whole number of [plugins." + MetaPlugin.ID + "." + LABEL_INTERVAL + "] (" + code
                    + ") candles, " + MIN_HORIZON_BARS + " .. " + MAX_HORIZON_BARS + " of them, was "
                    + (horizonMs / (double) interval.millis()),
                    Map.of("plugin", MetaPlugin.ID, "keys", List.of(HORIZON_MINUTES, LABEL_INTERVAL)));
        }
        return new MetaSettings(
                Duration.ofMillis(c.longValue(ANALYSIS_DEADLINE_MS)),
                Duration.ofMillis(c.longValue(PORTFOLIO_DEADLINE_MS)),
                horizon,
                interval,
                Duration.ofSeconds(c.longValue(LABELLING_PERIOD_SECONDS)),
                c.integer(LABEL_BATCH_SIZE),
                Duration.ofHours(c.longValue(LABEL_GIVE_UP_HOURS)),
                c.integer(MIN_SAMPLES),
                c.decimal(SWITCH_PROBABILITY),
                c.decimal(PRIOR_MEAN_RETURN_PCT),
                c.decimal(PRIOR_MEAN_WEIGHT),
                c.decimal(PRIOR_RETURN_STD_PCT),
                strong,
                mild,
                c.decimal(STRONG_ADX),
                high,
                low,
                c.integer(CASCADE_RISK_HIGH),
                c.integer(MAX_PORTFOLIO_HEAT),
                c.integer(CONFIDENCE_STRONG_TREND),
                c.integer(CONFIDENCE_MILD_TREND),
                c.integer(CONFIDENCE_RANGING),
                c.integer(CONFIDENCE_HIGH_VOLATILITY),
                c.integer(CONFIDENCE_LOW_VOLATILITY),
                c.decimal(DEFAULT_UNIT_PCT),
                Duration.ofSeconds(c.longValue(STATS_CACHE_TTL_SECONDS)));
    }

    private static IntelException inconsistent(String a, double va, String relation, String b, double vb) {
        return new IntelException(ErrorCode.INTERNAL_ERROR, "configuration of plugin [" + MetaPlugin.ID
                + "] is inconsistent: [plugins." + MetaPlugin.ID + "." + a + "] (" + va + ") " + relation + " [plugins."
                + MetaPlugin.ID + "." + b + "] (" + vb + ")",
                Map.of("plugin", MetaPlugin.ID, "keys", List.of(a, b), a, va, b, vb));
    }

    /** The learner's prior, for arms (mean {@code prior_mean_return_pct}) and paired differences (mean 0). */
    Nig armPrior() {
        return Nig.prior(priorMeanReturnPct, priorMeanWeight, priorReturnStdPct);
    }

    /** The prior of a paired difference between an arm and the prior arm: centred on no difference. */
    Nig differencePrior() {
        return Nig.prior(0.0, priorMeanWeight, priorReturnStdPct);
    }

    /** The settings the learner's decision depends on, for cache keys. */
    String learnerFingerprint() {
        return minSamples + "|" + switchProbability + "|" + priorMeanReturnPct + "|" + priorMeanWeight + "|"
                + priorReturnStdPct;
    }
}
