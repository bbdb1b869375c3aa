package io.marketintel.plugin.meta.internal;

import java.util.List;

/**
 * A recommendation as kept in H2, with its outcome and learning rows once they exist. Answer of
 * {@code GET /api/intelligence/meta/recommendation/{id}}.
 *
 * @param id                recommendation id
 * @param symbol            symbol
 * @param createdAt         when it was made ({@code ctx.clock()}), ms
 * @param marketCondition   condition
 * @param direction         LONG, SHORT or NEUTRAL
 * @param arm               recommended arm
 * @param priorArm          the prior tree's arm
 * @param overridden        whether the learner replaced the prior arm
 * @param confidence        strategy confidence
 * @param overallConfidence overall confidence
 * @param price             price at the recommendation, null when none was known
 * @param priceSource       field the price came from
 * @param unitPct           trade unit, % of price
 * @param horizonMinutes    horizon of the automatic label
 * @param labelInterval     candles the label is simulated on
 * @param labelDueAt        when the horizon's last candle has closed, ms
 * @param labelStatus       PENDING, LABELLED or SKIPPED
 * @param labelNote         why SKIPPED, or what the label used
 * @param outcome           the outcome, null while none
 * @param armReturns        learning rows, catalogue order
 */
record StoredRecommendation(
        String id,
        String symbol,
        long createdAt,
        String marketCondition,
        String direction,
        String arm,
        String priorArm,
        boolean overridden,
        int confidence,
        int overallConfidence,
        Double price,
        String priceSource,
        double unitPct,
        int horizonMinutes,
        String labelInterval,
        long labelDueAt,
        String labelStatus,
        String labelNote,
        OutcomeView outcome,
        List<ArmReturn> armReturns) {

    StoredRecommendation {
        armReturns = List.copyOf(armReturns);
    }
}
