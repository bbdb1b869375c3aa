package io.marketintel.plugin.correlation.internal;

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
 * The plugin's configuration ({@code plugins.correlation.*}), read from {@link Params} on every call because the
 * operator may change it at run time. Single keys are type- and range-checked by the runtime against
 * {@link #SPECS}; {@link #from(Params)} adds the cross-key rules the runtime cannot know.
 *
 * @param cacheTtl                    how long a computed answer is served from the cache
 * @param maxSymbols                  most symbols one {@code matrix} call may ask for (target plus candidates for
 *                                    {@code hedge})
 * @param lookback                    closed candles per symbol when the request does not say
 * @param defaultPeriod               kline interval when the request does not say
 * @param returnType                  simple or log returns
 * @param pairsCorrelationThreshold   |ρ| strictly above which a pair is a pairs-trading candidate
 * @param hedgeCorrelationThreshold   ρ strictly above which a pair is a hedging opportunity (|ρ| for {@code hedge})
 * @param diversificationThreshold    ρ strictly below which a pair is a diversification opportunity
 * @param zscoreThreshold             |z| of the current spread strictly above which mean reversion is signalled
 * @param zscoreWindow                spreads (the current one included) the z-score is measured against
 * @param minObservations             fewest aligned returns an answer is computed from
 * @param maxOpportunities            most opportunities listed per kind (the counts say how many there were)
 * @param maxConcurrentRequests       kline requests in flight at once for one call
 */
public record CorrelationSettings(
        Duration cacheTtl,
        int maxSymbols,
        int lookback,
        Interval defaultPeriod,
        ReturnType returnType,
        double pairsCorrelationThreshold,
        double hedgeCorrelationThreshold,
        double diversificationThreshold,
        double zscoreThreshold,
        int zscoreWindow,
        int minObservations,
        int maxOpportunities,
        int maxConcurrentRequests) {

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String MAX_SYMBOLS = "max_symbols";
    public static final String LOOKBACK = "lookback";
    public static final String DEFAULT_PERIOD = "default_period";
    public static final String RETURN_TYPE = "return_type";
    public static final String PAIRS_CORRELATION_THRESHOLD = "pairs_correlation_threshold";
    public static final String HEDGE_CORRELATION_THRESHOLD = "hedge_correlation_threshold";
    public static final String DIVERSIFICATION_CORRELATION_THRESHOLD = "diversification_correlation_threshold";
    public static final String ZSCORE_THRESHOLD = "zscore_threshold";
    public static final String ZSCORE_WINDOW = "zscore_window";
    public static final String MIN_OBSERVATIONS = "min_observations";
    public static final String MAX_OPPORTUNITIES = "max_opportunities";
    public static final String MAX_CONCURRENT_REQUESTS = "max_concurrent_requests";

    /** Hard ceiling of {@code max_symbols} (and of the declared size of the {@code symbols} list). */
    public static final int SYMBOLS_CEILING = 500;
    /** Binance's largest kline page: one request per symbol. */
    public static final int MAX_LOOKBACK = 1500;
    /** Smallest lookback accepted anywhere. */
    public static final int MIN_LOOKBACK = 10;

    /** Binance kline interval codes, {@code 1m} … {@code 1w}. */
    public static final List<String> INTERVAL_CODES = Arrays.stream(Interval.values()).map(Interval::code).toList();

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(CACHE_TTL_SECONDS, 300).range(1, 3600)
                    .describe("seconds a computed answer is served from the cache (the spec's 5 minutes for the"
                            + " correlation matrix); a newly closed candle always recomputes"),
            ParamSpec.integer(MAX_SYMBOLS, 100).range(2, SYMBOLS_CEILING)
                    .describe("most symbols one matrix call may ask for (hedge: target plus candidates); more is"
                            + " a 400 naming the parameter"),
            ParamSpec.integer(LOOKBACK, 100).range(MIN_LOOKBACK, MAX_LOOKBACK)
                    .describe("closed candles fetched per symbol when the request gives no lookback (one request"
                            + " each; up to lookback - 1 returns)"),
            ParamSpec.enumeration(DEFAULT_PERIOD, Interval.D1.code(), INTERVAL_CODES)
                    .describe("kline interval used when the request gives no period (Binance codes 1m..1w)"),
            ParamSpec.enumeration(RETURN_TYPE, ReturnType.SIMPLE.code(), ReturnType.codes())
                    .describe("returns correlated: simple (p1/p0 - 1, the spec's % returns) or log (ln(p1/p0))"),
            ParamSpec.decimal(PAIRS_CORRELATION_THRESHOLD, 0.7).range(0, 1)
                    .describe("|correlation| strictly above which a pair is a pairs-trading candidate (and"
                            + " pairs-signal may signal MEAN_REVERSION)"),
            ParamSpec.decimal(HEDGE_CORRELATION_THRESHOLD, 0.7).range(0, 1)
                    .describe("correlation strictly above which a pair is a hedging opportunity; hedge: |correlation|"
                            + " strictly above it qualifies a candidate as best_hedge"),
            ParamSpec.decimal(DIVERSIFICATION_CORRELATION_THRESHOLD, -0.5).range(-1, 0)
                    .describe("correlation strictly below which a pair is a diversification opportunity"),
            ParamSpec.decimal(ZSCORE_THRESHOLD, 2.0).range(0.1, 10)
                    .describe("|z-score| of the current return spread strictly above which mean reversion is"
                            + " signalled (exactly at it: no signal)"),
            ParamSpec.integer(ZSCORE_WINDOW, 30).range(5, MAX_LOOKBACK - 1)
                    .describe("spreads, the current one included, the current spread's z-score is measured against"
                            + " (fewer when fewer returns are available); at most lookback - 1"),
            ParamSpec.integer(MIN_OBSERVATIONS, 20).range(3, MAX_LOOKBACK - 1)
                    .describe("fewest aligned returns a correlation is computed from; at most lookback - 1"),
            ParamSpec.integer(MAX_OPPORTUNITIES, 50).range(1, 5000)
                    .describe("most opportunities listed per kind in matrix (strongest first; the counts give the"
                            + " totals)"),
            ParamSpec.integer(MAX_CONCURRENT_REQUESTS, 8).range(1, 100)
                    .describe("kline requests one call keeps in flight at once (the runtime's weight limiter still"
                            + " applies)"));

    public CorrelationSettings {
        Objects.requireNonNull(cacheTtl, "property [cacheTtl] is missing for the correlation settings");
        Objects.requireNonNull(defaultPeriod, "property [defaultPeriod] is missing for the correlation settings");
        Objects.requireNonNull(returnType, "property [returnType] is missing for the correlation settings");
        if (zscoreWindow < 2) {
            throw new IllegalArgumentException("property [zscoreWindow] must be at least 2, was " + zscoreWindow);
        }
        if (minObservations < 2) {
            throw new IllegalArgumentException("property [minObservations] must be at least 2, was " + minObservations);
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static CorrelationSettings defaults() {
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
     * @throws IntelException {@code INTERNAL_ERROR} naming the keys when they disagree ({@code zscore_window} or
     *                        {@code min_observations} above {@code lookback − 1}); the caller cannot fix this, the
     *                        operator must
     */
    public static CorrelationSettings from(Params config) {
        int lookback = config.integer(LOOKBACK);
        int window = config.integer(ZSCORE_WINDOW);
        int minObs = config.integer(MIN_OBSERVATIONS);
        if (window > lookback - 1) {
            throw inconsistent(ZSCORE_WINDOW, window, "must be at most", LOOKBACK, lookback,
                    "minus 1 (lookback candles give at most lookback - 1 returns)");
        }
        if (minObs > lookback - 1) {
            throw inconsistent(MIN_OBSERVATIONS, minObs, "must be at most", LOOKBACK, lookback,
                    "minus 1 (lookback candles give at most lookback - 1 returns)");
        }
        String periodCode = config.string(DEFAULT_PERIOD);
        Optional<Interval> period = Interval.fromCode(periodCode);
        if (period.isEmpty()) {
            throw misconfigured(DEFAULT_PERIOD, "has unknown interval [" + periodCode + "]");
        }
        String returnCode = config.string(RETURN_TYPE);
        Optional<ReturnType> returnType = ReturnType.fromCode(returnCode);
        if (returnType.isEmpty()) {
            throw misconfigured(RETURN_TYPE, "has unknown return type [" + returnCode + "]");
        }
        return new CorrelationSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                config.integer(MAX_SYMBOLS),
                lookback,
                period.get(),
                returnType.get(),
                config.decimal(PAIRS_CORRELATION_THRESHOLD),
                config.decimal(HEDGE_CORRELATION_THRESHOLD),
                config.decimal(DIVERSIFICATION_CORRELATION_THRESHOLD),
                config.decimal(ZSCORE_THRESHOLD),
                window,
                minObs,
                config.integer(MAX_OPPORTUNITIES),
                config.integer(MAX_CONCURRENT_REQUESTS));
    }

    private static IntelException inconsistent(String key, Object value, String rule, String other, Object otherValue,
                                               String why) {
        return new IntelException(ErrorCode.INTERNAL_ERROR,
                "configuration of plugin [correlation] is inconsistent: [plugins.correlation." + key + "] (" + value
                        + ") " + rule + " [plugins.correlation." + other + "] (" + otherValue + ") " + why,
                Map.of("plugin", "correlation", "keys", List.of(key, other), key, value, other, otherValue));
    }

    private static IntelException misconfigured(String key, String problem) {
        return new IntelException(ErrorCode.INTERNAL_ERROR,
                "configuration key [plugins.correlation." + key + "] " + problem,
                Map.of("plugin", "correlation", "keys", List.of(key)));
    }

    /** The settings an answer depends on (not the TTL, the symbol limit or the concurrency), for cache keys. */
    public String fingerprint() {
        return "l=" + lookback + ",p=" + defaultPeriod.code() + ",r=" + returnType.code()
                + ",pc=" + pairsCorrelationThreshold + ",hc=" + hedgeCorrelationThreshold
                + ",dc=" + diversificationThreshold + ",z=" + zscoreThreshold + ",zw=" + zscoreWindow
                + ",mo=" + minObservations + ",mx=" + maxOpportunities;
    }
}
