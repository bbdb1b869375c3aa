package io.marketintel.plugin.meta.internal;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /api/intelligence/meta/analyze-and-recommend}, stored under {@code recommendation_id} before
 * it is answered.
 *
 * @param recommendationId     id to post the outcome for and to look it up
 * @param symbol               symbol
 * @param marketCondition      condition, lower case ({@code strong_uptrend})
 * @param direction            LONG, SHORT or NEUTRAL (no trade)
 * @param recommendedStrategy  execution, trailing, TP ladder, routing, confidence, reasoning
 * @param overallConfidence    0 … 100: the strategy confidence ±3 per other analysis agreeing / disagreeing with the
 *                             direction, −5 per requested analysis missing, −15 when the portfolio is too hot, at most
 *                             30 without a direction
 * @param keyFactors           the facts that mattered
 * @param conditionRules       which classification rule decided, with the numbers
 * @param priceAtRecommendation price the outcome is measured from, null when none was known
 * @param priceSource          the field it came from
 * @param unitPct              trade unit (1h ATR) as % of price, for stops and targets
 * @param unitSource           where the unit came from
 * @param learning             the learner's view: arms, posteriors, samples, whether the prior was overridden and why
 * @param portfolio            the portfolio state used, or why there is none
 * @param marketData           {@code request} (the caller's market_data) or {@code complete-analysis}
 * @param sectionsUsed         analyses the recommendation used
 * @param errors               requested analyses that were missing, by section key
 * @param createdAt            {@code ctx.clock()} at the recommendation, ms
 * @param dataTime             newest data time of the analyses, ms
 * @param horizonMinutes       when the automatic label measures the outcome
 * @param labelDueAt           when that horizon has passed, ms
 */
record Recommendation(
        String recommendationId,
        String symbol,
        String marketCondition,
        String direction,
        RecommendedStrategy recommendedStrategy,
        int overallConfidence,
        List<String> keyFactors,
        List<String> conditionRules,
        Double priceAtRecommendation,
        String priceSource,
        double unitPct,
        String unitSource,
        LearningReport learning,
        PortfolioView portfolio,
        String marketData,
        List<String> sectionsUsed,
        Map<String, SectionError> errors,
        long createdAt,
        Long dataTime,
        int horizonMinutes,
        long labelDueAt) {

    Recommendation {
        keyFactors = List.copyOf(keyFactors);
        conditionRules = List.copyOf(conditionRules);
        sectionsUsed = List.copyOf(sectionsUsed);
        errors = Map.copyOf(errors);
    }
}
