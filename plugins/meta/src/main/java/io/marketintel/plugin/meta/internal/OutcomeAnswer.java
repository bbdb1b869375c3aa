package io.marketintel.plugin.meta.internal;

/**
 * Answer of {@code POST /api/intelligence/meta/outcomes}.
 *
 * @param recommendationId the recommendation
 * @param status           RECORDED (first outcome), REPLACED_AUTOMATIC (a posted outcome replaced the labeller's),
 *                         DUPLICATE (the same outcome was already posted: nothing changed, nothing counted twice)
 * @param marketCondition  the recommendation's condition
 * @param arm              the recommended arm the outcome is learned for (none for a NEUTRAL recommendation)
 * @param learned          whether it feeds the learner (not for NEUTRAL recommendations)
 * @param outcome          the stored outcome
 */
record OutcomeAnswer(String recommendationId, String status, String marketCondition, String arm, boolean learned,
                     OutcomeView outcome) {
}
