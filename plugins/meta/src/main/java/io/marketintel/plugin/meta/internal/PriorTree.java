package io.marketintel.plugin.meta.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The prior decision tree: the arm each market condition starts from, with the reason for every component, and its
 * configured confidence. The two rows the specification gives are kept verbatim (strong uptrend → pyramid / smart /
 * AGGRESSIVE / ICEBERG at 85; ranging → dca / breakeven / CONSERVATIVE / ADAPTIVE at 60); the others follow the same
 * logic:
 * <pre>
 * condition          execution  trailing      TP            routing   confidence key (default)
 * strong_uptrend     pyramid    smart         AGGRESSIVE    ICEBERG   confidence_strong_trend (85)
 * strong_downtrend   pyramid    smart         AGGRESSIVE    ICEBERG   confidence_strong_trend (85)
 * mild_uptrend       static     dynamic       ADAPTIVE      LIMIT     confidence_mild_trend (70)
 * mild_downtrend     static     dynamic       ADAPTIVE      LIMIT     confidence_mild_trend (70)
 * ranging            dca        breakeven     CONSERVATIVE  ADAPTIVE  confidence_ranging (60)
 * high_volatility    sniper     static        CONSERVATIVE  TWAP      confidence_high_volatility (50)
 * low_volatility     static     profit_based  ADAPTIVE      MARKET    confidence_low_volatility (55)
 * </pre>
 */
final class PriorTree {

    /**
     * One row.
     *
     * @param arm     the prior arm
     * @param reasons one sentence per component: execution, trailing, TP, routing
     */
    record Row(Arm arm, List<String> reasons) {
        Row {
            reasons = List.copyOf(reasons);
            if (reasons.size() != 4) {
                throw new IllegalArgumentException("property [reasons] must hold 4 sentences, has " + reasons.size());
            }
        }
    }

    private static final Map<MarketCondition, Row> ROWS = rows();

    private PriorTree() {
    }

    private static Map<MarketCondition, Row> rows() {
        Map<MarketCondition, Row> m = new EnumMap<>(MarketCondition.class);
        Row strong = new Row(Arm.PYRAMID_SMART, List.of(
                "Strong trend with high confluence - pyramid into position",
                "Strong trend - smart trailing to maximize profit",
                "Strong trend - wider TP targets",
                "Pyramid mode - hide full order size"));
        Row mild = new Row(Arm.STATIC_DYNAMIC, List.of(
                "Moderate trend - single entry at the current price",
                "Moderate trend - dynamic trailing behind the best close",
                "Moderate trend - standard TP targets",
                "No urgency - passive limit orders"));
        m.put(MarketCondition.STRONG_UPTREND, strong);
        m.put(MarketCondition.STRONG_DOWNTREND, strong);
        m.put(MarketCondition.MILD_UPTREND, mild);
        m.put(MarketCondition.MILD_DOWNTREND, mild);
        m.put(MarketCondition.RANGING, new Row(Arm.DCA_BREAKEVEN, List.of(
                "Range-bound market - DCA into position",
                "Ranging market - breakeven stop to protect capital",
                "Ranging market - conservative targets for quick profit",
                "Ranging market - adaptive routing")));
        m.put(MarketCondition.HIGH_VOLATILITY, new Row(Arm.SNIPER_STATIC, List.of(
                "High volatility - wait for a pullback entry (sniper)",
                "High volatility - static stop, no trailing on noise",
                "High volatility - take profit early",
                "High volatility - TWAP to spread timing risk")));
        m.put(MarketCondition.LOW_VOLATILITY, new Row(Arm.STATIC_PROFIT, List.of(
                "Low volatility - single entry ahead of an expansion",
                "Low volatility - trail only once in profit",
                "Low volatility - standard TP targets",
                "Low volatility - tight spreads, market orders are cheap")));
        return m;
    }

    /** The row of {@code c}. */
    static Row row(MarketCondition c) {
        return ROWS.get(c);
    }

    /** The prior confidence of {@code c} under settings {@code s}. */
    static int confidence(MarketCondition c, MetaSettings s) {
        return switch (c) {
            case STRONG_UPTREND, STRONG_DOWNTREND -> s.confidenceStrongTrend();
            case MILD_UPTREND, MILD_DOWNTREND -> s.confidenceMildTrend();
            case RANGING -> s.confidenceRanging();
            case HIGH_VOLATILITY -> s.confidenceHighVolatility();
            case LOW_VOLATILITY -> s.confidenceLowVolatility();
        };
    }
}
