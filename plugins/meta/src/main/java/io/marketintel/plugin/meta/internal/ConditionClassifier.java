package io.marketintel.plugin.meta.internal;

import io.marketintel.api.Bias;
import java.util.ArrayList;
import java.util.List;

/**
 * Market condition and trade direction from the analyses. Pure. Rules, first match wins (thresholds are
 * configuration keys; "≥" and "≤" are inclusive):
 * <ol>
 *   <li><b>high_volatility</b> when the 1h ATR % ≥ {@code high_volatility_atr_pct} (1.5) or the liquidation
 *   {@code cascade_risk_score} ≥ {@code cascade_risk_high} (70).</li>
 *   <li><b>strong_uptrend / strong_downtrend</b> when the MTF {@code overall_direction} is BULLISH / BEARISH, its
 *   {@code confluence_score} ≥ {@code strong_confluence} (70) and the mean ADX of the 1h and 4h timeframes ≥
 *   {@code strong_adx} (25) — demoted to mild when the funding sentiment is EXTREME on the trend's side (a crowded
 *   trade), when the volume profile places the price on the other side of value (BELOW_VALUE_AREA in an uptrend,
 *   ABOVE_VALUE_AREA in a downtrend), or when no ADX is known.</li>
 *   <li><b>mild_uptrend / mild_downtrend</b> when the MTF direction is BULLISH / BEARISH with confluence ≥
 *   {@code mild_confluence} (40); without an MTF analysis, when the volume profile is ABOVE / BELOW the value area.</li>
 *   <li><b>low_volatility</b> when the 1h ATR % ≤ {@code low_volatility_atr_pct} (0.35).</li>
 *   <li><b>ranging</b> otherwise.</li>
 * </ol>
 * Direction: LONG in uptrends, SHORT in downtrends; ranging fades the price back to value (BELOW_VALUE_AREA →
 * LONG, ABOVE_VALUE_AREA → SHORT, inside: towards the POC, NEUTRAL at it or without a volume profile);
 * high_volatility follows the MTF overall direction (NEUTRAL when it is); low_volatility follows the sign of the
 * MTF weighted score (a breakout in the direction of the drift; NEUTRAL at 0 or without MTF). NEUTRAL means no trade.
 */
final class ConditionClassifier {

    private ConditionClassifier() {
    }

    /**
     * The classification.
     *
     * @param condition  the market condition
     * @param direction  LONG, SHORT, or NEUTRAL (no trade)
     * @param rules      which rule decided, with the numbers
     * @param keyFactors short facts for people ({@code High MTF confluence (78/100)}, {@code Price ABOVE_VALUE_AREA})
     */
    record Classification(MarketCondition condition, Bias direction, List<String> rules, List<String> keyFactors) {
        Classification {
            rules = List.copyOf(rules);
            keyFactors = List.copyOf(keyFactors);
        }
    }

    static Classification classify(MarketInputs in, MetaSettings s) {
        List<String> rules = new ArrayList<>();
        MarketCondition c = condition(in, s, rules);
        Bias direction = direction(c, in, rules);
        return new Classification(c, direction, rules, keyFactors(in, s));
    }

    private static MarketCondition condition(MarketInputs in, MetaSettings s, List<String> rules) {
        boolean highAtr = in.atrPct() != null && in.atrPct() >= s.highVolatilityAtrPct();
        boolean cascade = in.cascadeRisk() != null && in.cascadeRisk() >= s.cascadeRiskHigh();
        if (highAtr || cascade) {
            if (highAtr) {
                rules.add("1h ATR " + Fmt.num(in.atrPct()) + "% >= high_volatility_atr_pct " + Fmt.num(
                        s.highVolatilityAtrPct()) + "% -> high_volatility");
            }
            if (cascade) {
                rules.add("Liquidation cascade risk " + Fmt.num(in.cascadeRisk(), 0) + " >= cascade_risk_high "
                        + s.cascadeRiskHigh() + " -> high_volatility");
            }
            return MarketCondition.HIGH_VOLATILITY;
        }
        String d = in.mtfDirection();
        boolean up = "BULLISH".equals(d);
        boolean down = "BEARISH".equals(d);
        if ((up || down) && in.confluence() != null) {
            double conf = in.confluence();
            if (conf >= s.strongConfluence()) {
                String demotion = demotion(in, s, up);
                if (demotion == null) {
                    rules.add("MTF " + d + " with confluence " + Fmt.num(conf, 0) + " >= strong_confluence "
                            + Fmt.num(s.strongConfluence(), 0) + " and ADX " + Fmt.num(in.adx(), 1) + " ("
                            + in.adxTimeframes() + ") >= strong_adx " + Fmt.num(s.strongAdx(), 1) + " -> "
                            + (up ? "strong_uptrend" : "strong_downtrend"));
                    return up ? MarketCondition.STRONG_UPTREND : MarketCondition.STRONG_DOWNTREND;
                }
                rules.add("MTF " + d + " with confluence " + Fmt.num(conf, 0) + " >= strong_confluence "
                        + Fmt.num(s.strongConfluence(), 0) + " but " + demotion + " -> "
                        + (up ? "mild_uptrend" : "mild_downtrend"));
                return up ? MarketCondition.MILD_UPTREND : MarketCondition.MILD_DOWNTREND;
            }
            if (conf >= s.mildConfluence()) {
                rules.add("MTF " + d + " with confluence " + Fmt.num(conf, 0) + " >= mild_confluence "
                        + Fmt.num(s.mildConfluence(), 0) + " -> " + (up ? "mild_uptrend" : "mild_downtrend"));
                return up ? MarketCondition.MILD_UPTREND : MarketCondition.MILD_DOWNTREND;
            }
        }
        if (!in.has(Section.MTF_CONFLUENCE) && in.vpPosition() != null) {
            if (in.vpPosition().equals("ABOVE_VALUE_AREA")) {
                rules.add("No MTF analysis; price ABOVE_VALUE_AREA -> mild_uptrend");
                return MarketCondition.MILD_UPTREND;
            }
            if (in.vpPosition().equals("BELOW_VALUE_AREA")) {
                rules.add("No MTF analysis; price BELOW_VALUE_AREA -> mild_downtrend");
                return MarketCondition.MILD_DOWNTREND;
            }
        }
        if (in.atrPct() != null && in.atrPct() <= s.lowVolatilityAtrPct()) {
            rules.add("No trend and 1h ATR " + Fmt.num(in.atrPct()) + "% <= low_volatility_atr_pct "
                    + Fmt.num(s.lowVolatilityAtrPct()) + "% -> low_volatility");
            return MarketCondition.LOW_VOLATILITY;
        }
        rules.add(in.has(Section.MTF_CONFLUENCE)
                ? "No trend (MTF " + (d == null ? "direction unknown" : d) + ", confluence "
                + (in.confluence() == null ? "unknown" : Fmt.num(in.confluence(), 0)) + " < mild_confluence "
                + Fmt.num(s.mildConfluence(), 0) + ") and no volatility extreme -> ranging"
                : "No MTF analysis and price inside value (or no volume profile) -> ranging");
        return MarketCondition.RANGING;
    }

    /** Why a strong trend is only mild, or null when it stays strong. */
    private static String demotion(MarketInputs in, MetaSettings s, boolean up) {
        if (in.adx() == null) {
            return "no ADX is known";
        }
        if (in.adx() < s.strongAdx()) {
            return "ADX " + Fmt.num(in.adx(), 1) + " (" + in.adxTimeframes() + ") < strong_adx "
                    + Fmt.num(s.strongAdx(), 1);
        }
        String crowded = up ? "EXTREME_BULLISH" : "EXTREME_BEARISH";
        if (crowded.equals(in.fundingSentiment())) {
            return "funding is " + crowded + " (a crowded trade)";
        }
        String against = up ? "BELOW_VALUE_AREA" : "ABOVE_VALUE_AREA";
        if (against.equals(in.vpPosition())) {
            return "the price is " + against;
        }
        return null;
    }

    private static Bias direction(MarketCondition c, MarketInputs in, List<String> rules) {
        return switch (c) {
            case STRONG_UPTREND, MILD_UPTREND -> Bias.LONG;
            case STRONG_DOWNTREND, MILD_DOWNTREND -> Bias.SHORT;
            case RANGING -> {
                Bias b = fade(in);
                rules.add("Ranging: " + switch (b) {
                    case LONG -> "fade back to value -> LONG";
                    case SHORT -> "fade back to value -> SHORT";
                    case NEUTRAL -> "price at value (or no volume profile) -> no trade";
                });
                yield b;
            }
            case HIGH_VOLATILITY -> {
                Bias b = "BULLISH".equals(in.mtfDirection()) ? Bias.LONG
                        : "BEARISH".equals(in.mtfDirection()) ? Bias.SHORT : Bias.NEUTRAL;
                rules.add("High volatility: follow the MTF direction -> " + (b == Bias.NEUTRAL ? "no trade" : b));
                yield b;
            }
            case LOW_VOLATILITY -> {
                Double w = in.weightedScore();
                Bias b = w == null || w == 0 ? Bias.NEUTRAL : w > 0 ? Bias.LONG : Bias.SHORT;
                rules.add("Low volatility: trade the drift of the MTF weighted score "
                        + (w == null ? "(unknown)" : Fmt.signed(w, 0)) + " -> " + (b == Bias.NEUTRAL ? "no trade" : b));
                yield b;
            }
        };
    }

    private static Bias fade(MarketInputs in) {
        if (in.vpPosition() == null) {
            return Bias.NEUTRAL;
        }
        switch (in.vpPosition()) {
            case "BELOW_VALUE_AREA":
                return Bias.LONG;
            case "ABOVE_VALUE_AREA":
                return Bias.SHORT;
            default:
                if (in.vpPrice() == null || in.poc() == null || in.vpPrice().equals(in.poc())) {
                    return Bias.NEUTRAL;
                }
                return in.vpPrice() < in.poc() ? Bias.LONG : Bias.SHORT;
        }
    }

    private static List<String> keyFactors(MarketInputs in, MetaSettings s) {
        List<String> f = new ArrayList<>();
        if (in.confluence() != null) {
            double c = in.confluence();
            String level = c >= s.strongConfluence() ? "High" : c >= s.mildConfluence() ? "Moderate" : "Low";
            f.add(level + " MTF confluence (" + Fmt.num(c, 0) + "/100)");
        }
        if (in.mtfDirection() != null) {
            f.add("MTF overall " + in.mtfDirection() + (in.adx() == null ? ""
                    : ", ADX " + Fmt.num(in.adx(), 1) + " (" + in.adxTimeframes() + ")"));
        }
        if (in.atrPct() != null) {
            f.add("1h ATR " + Fmt.num(in.atrPct()) + "% of price" + ("1h".equals(in.atrSource()) ? ""
                    : " (" + in.atrSource() + ")"));
        }
        if (in.vpPosition() != null) {
            f.add("Price " + in.vpPosition());
        }
        if (in.fundingSentiment() != null && !in.fundingSentiment().equals("NEUTRAL")) {
            f.add("Funding " + in.fundingSentiment() + (in.fundingRate() == null ? ""
                    : " (" + Fmt.num(in.fundingRate(), 4) + "%)"));
        }
        if (in.imbalance() != null) {
            f.add("Order book imbalance " + Fmt.signed(in.imbalance(), 1) + "%" + (in.depthScore() == null ? ""
                    : " (depth score " + Fmt.num(in.depthScore(), 0) + ")"));
        }
        if (in.cascadeRisk() != null) {
            f.add("Liquidation cascade risk " + Fmt.num(in.cascadeRisk(), 0) + "/100");
        }
        return f;
    }
}
