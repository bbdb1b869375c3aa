package io.marketintel.plugin.risk.internal;

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
import java.util.regex.Pattern;

/**
 * The plugin's configuration ({@code plugins.risk.*}), read from {@link Params} on every call because the operator
 * may change it at run time. Single keys are type- and range-checked by the runtime against {@link #SPECS};
 * {@link #from(Params)} adds the rules the runtime cannot know (cross-key order, symbol and sector spelling).
 *
 * @param cacheTtl                  how long the correlation estimate of the held symbols is reused (positions and
 *                                  the account are never cached)
 * @param maxPortfolioHeat          portfolio heat strictly above which the portfolio must be rebalanced
 * @param maxPositionRisk           position risk score strictly above which the position is reduced
 * @param closePositionRisk         position risk score strictly above which the position is closed
 * @param maxSectorConcentrationPct share of the gross exposure, %, strictly above which a sector is too concentrated
 * @param maxAvgLeverage            notional-weighted average leverage strictly above which leverage is lowered
 * @param reducePct                 share of a position a REDUCE_POSITION cuts, %
 * @param hedgeFractionPct          share of the minimum-variance hedge an ADD_HEDGE suggests, %
 * @param sectors                   symbol → sector entries laid over the built-in map
 * @param correlationPeriod         kline interval of the returns the diversification score correlates
 * @param correlationLookback       closed candles per held symbol
 * @param minObservations           fewest aligned returns a correlation is trusted from
 * @param hedgeCandidates           symbols the correlation plugin is asked to rank as hedges
 * @param hedgeTimeout              how long the correlation plugin may take to answer
 */
public record RiskSettings(
        Duration cacheTtl,
        double maxPortfolioHeat,
        double maxPositionRisk,
        double closePositionRisk,
        double maxSectorConcentrationPct,
        double maxAvgLeverage,
        int reducePct,
        int hedgeFractionPct,
        Map<String, String> sectors,
        Interval correlationPeriod,
        int correlationLookback,
        int minObservations,
        List<String> hedgeCandidates,
        Duration hedgeTimeout) {

    public static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    public static final String MAX_PORTFOLIO_HEAT = "max_portfolio_heat";
    public static final String MAX_POSITION_RISK = "max_position_risk";
    public static final String CLOSE_POSITION_RISK = "close_position_risk";
    public static final String MAX_SECTOR_CONCENTRATION_PCT = "max_sector_concentration_pct";
    public static final String MAX_AVG_LEVERAGE = "max_avg_leverage";
    public static final String REDUCE_PCT = "reduce_pct";
    public static final String HEDGE_FRACTION_PCT = "hedge_fraction_pct";
    public static final String SECTORS = "sectors";
    public static final String CORRELATION_PERIOD = "correlation_period";
    public static final String CORRELATION_LOOKBACK = "correlation_lookback";
    public static final String MIN_OBSERVATIONS = "min_observations";
    public static final String HEDGE_CANDIDATES = "hedge_candidates";
    public static final String HEDGE_TIMEOUT_SECONDS = "hedge_timeout_seconds";

    /** Binance's kline codes, 1m … 1w. */
    public static final List<String> INTERVAL_CODES = Arrays.stream(Interval.values()).map(Interval::code).toList();

    /** Hedge candidates by default: the ten majors the simulated market lists (all USDⓈ-M perpetuals on Binance). */
    public static final List<String> DEFAULT_HEDGE_CANDIDATES = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT",
            "XRPUSDT", "DOGEUSDT", "ADAUSDT", "LINKUSDT", "AVAXUSDT", "LTCUSDT");

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");
    private static final Pattern SECTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _./&-]{0,39}");

    /** The configuration keys with defaults, ranges and descriptions, as the descriptor declares them. */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(CACHE_TTL_SECONDS, 300).range(1, 3600)
                    .describe("seconds the correlation estimate of the held symbols is reused (a newly closed candle"
                            + " always recomputes); positions and the account are read fresh on every call"),
            ParamSpec.decimal(MAX_PORTFOLIO_HEAT, 70.0).range(0, 100)
                    .describe("portfolio heat (0-100) strictly above which the portfolio must be rebalanced"),
            ParamSpec.decimal(MAX_POSITION_RISK, 75.0).range(0, 100)
                    .describe("position risk score (0-100) strictly above which the position is reduced by reduce_pct"),
            ParamSpec.decimal(CLOSE_POSITION_RISK, 90.0).range(0, 100)
                    .describe("position risk score strictly above which the position is closed; at least"
                            + " max_position_risk"),
            ParamSpec.decimal(MAX_SECTOR_CONCENTRATION_PCT, 50.0).range(1, 100)
                    .describe("share of the gross exposure (%) strictly above which a sector is too concentrated"
                            + " (checked with two positions or more)"),
            ParamSpec.decimal(MAX_AVG_LEVERAGE, 3.0).range(1, 125)
                    .describe("notional-weighted average leverage strictly above which leverage is lowered to"
                            + " floor(max_avg_leverage)"),
            ParamSpec.integer(REDUCE_PCT, 50).range(1, 99)
                    .describe("share of a position (%) a REDUCE_POSITION cuts, rounded down to the step size"),
            ParamSpec.integer(HEDGE_FRACTION_PCT, 50).range(1, 100)
                    .describe("share (%) of the minimum-variance hedge (position notional x hedge ratio) an ADD_HEDGE"
                            + " suggests"),
            ParamSpec.stringMap(SECTORS, Sectors.DEFAULTS)
                    .describe("symbol -> sector; entries are laid over the built-in map of the major USDT perpetuals;"
                            + " an unmapped symbol is its own sector"),
            ParamSpec.enumeration(CORRELATION_PERIOD, Interval.H1.code(), INTERVAL_CODES)
                    .describe("kline interval of the returns the diversification score correlates (1m..1w)"),
            ParamSpec.integer(CORRELATION_LOOKBACK, 100).range(10, 1500)
                    .describe("closed candles per held symbol for the correlation estimate"),
            ParamSpec.integer(MIN_OBSERVATIONS, 20).range(3, 1499)
                    .describe("fewest aligned returns a correlation is trusted from; below it a pair is assumed to"
                            + " move fully together; at most correlation_lookback - 1"),
            ParamSpec.stringList(HEDGE_CANDIDATES, DEFAULT_HEDGE_CANDIDATES).range(1, 100)
                    .describe("symbols the correlation plugin ranks as hedges for ADD_HEDGE (the hedged symbol is"
                            + " left out)"),
            ParamSpec.integer(HEDGE_TIMEOUT_SECONDS, 5).range(1, 60)
                    .describe("seconds the correlation plugin may take to answer a hedge request"));

    public RiskSettings {
        Objects.requireNonNull(cacheTtl, "property [cacheTtl] is missing for the risk settings");
        Objects.requireNonNull(correlationPeriod, "property [correlationPeriod] is missing for the risk settings");
        Objects.requireNonNull(hedgeTimeout, "property [hedgeTimeout] is missing for the risk settings");
        sectors = sectors == null ? Map.of() : Map.copyOf(sectors);
        hedgeCandidates = hedgeCandidates == null ? List.of() : List.copyOf(hedgeCandidates);
        if (closePositionRisk < maxPositionRisk) {
            throw new IllegalArgumentException("property [closePositionRisk] (" + closePositionRisk
                    + ") must be at least [maxPositionRisk] (" + maxPositionRisk + ")");
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static RiskSettings defaults() {
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
    public static RiskSettings from(Params config) {
        double maxRisk = config.decimal(MAX_POSITION_RISK);
        double closeRisk = config.decimal(CLOSE_POSITION_RISK);
        if (closeRisk < maxRisk) {
            throw inconsistent("[" + key(CLOSE_POSITION_RISK) + "] (" + closeRisk + ") must be at least ["
                    + key(MAX_POSITION_RISK) + "] (" + maxRisk + "): a position is reduced before it is closed",
                    CLOSE_POSITION_RISK, MAX_POSITION_RISK);
        }
        int lookback = config.integer(CORRELATION_LOOKBACK);
        int minObs = config.integer(MIN_OBSERVATIONS);
        if (minObs > lookback - 1) {
            throw inconsistent("[" + key(MIN_OBSERVATIONS) + "] (" + minObs + ") must be at most ["
                    + key(CORRELATION_LOOKBACK) + "] (" + lookback + ") minus 1: " + lookback
                    + " candles give at most " + (lookback - 1) + " returns", MIN_OBSERVATIONS, CORRELATION_LOOKBACK);
        }
        Map<String, String> sectors = config.map(SECTORS);
        for (Map.Entry<String, String> e : sectors.entrySet()) {
            if (!SYMBOL.matcher(e.getKey().trim()).matches()) {
                throw inconsistent("[" + key(SECTORS) + "] has the key [" + e.getKey()
                        + "], which is not a symbol (upper-case letters and digits, like BTCUSDT)", SECTORS);
            }
            if (!SECTOR.matcher(e.getValue().trim()).matches()) {
                throw inconsistent("[" + key(SECTORS) + "." + e.getKey() + "] must be a sector name of 1 to 40"
                        + " letters, digits, spaces or _ . / & -, was [" + e.getValue() + "]", SECTORS);
            }
        }
        List<String> candidates = config.list(HEDGE_CANDIDATES).stream().map(String::trim).toList();
        for (String c : candidates) {
            if (!SYMBOL.matcher(c).matches()) {
                throw inconsistent("[" + key(HEDGE_CANDIDATES) + "] has [" + c + "], which is not a symbol"
                        + " (upper-case letters and digits, like ETHUSDT)", HEDGE_CANDIDATES);
            }
        }
        String code = config.string(CORRELATION_PERIOD);
        Interval period = Interval.fromCode(code).orElseThrow(() -> inconsistent("[" + key(CORRELATION_PERIOD)
                + "] has unknown interval [" + code + "]", CORRELATION_PERIOD));
        return new RiskSettings(
                Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)),
                config.decimal(MAX_PORTFOLIO_HEAT),
                maxRisk,
                closeRisk,
                config.decimal(MAX_SECTOR_CONCENTRATION_PCT),
                config.decimal(MAX_AVG_LEVERAGE),
                config.integer(REDUCE_PCT),
                config.integer(HEDGE_FRACTION_PCT),
                sectors,
                period,
                lookback,
                minObs,
                candidates,
                Duration.ofSeconds(config.longValue(HEDGE_TIMEOUT_SECONDS)));
    }

    /** The sector map in force (built-in map with the configured entries laid over it). */
    public Sectors sectorMap() {
        return Sectors.of(sectors);
    }

    /** The leverage ADJUST_LEVERAGE sets: {@code floor(max_avg_leverage)}, at least 1. */
    public int targetLeverage() {
        return Math.max(1, (int) Math.floor(maxAvgLeverage));
    }

    /** The thresholds as reported with every answer. */
    public Thresholds thresholds() {
        return new Thresholds(maxPortfolioHeat, maxPositionRisk, closePositionRisk, maxSectorConcentrationPct,
                maxAvgLeverage, targetLeverage(), reducePct);
    }

    private static String key(String name) {
        return "plugins." + RiskPlugin.ID + "." + name;
    }

    private static IntelException inconsistent(String message, String... keys) {
        return new IntelException(ErrorCode.INTERNAL_ERROR, "configuration of plugin [" + RiskPlugin.ID
                + "] is inconsistent: " + message, Map.of("plugin", RiskPlugin.ID, "keys", List.of(keys)));
    }
}
