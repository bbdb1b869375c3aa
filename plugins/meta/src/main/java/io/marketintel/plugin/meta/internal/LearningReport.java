package io.marketintel.plugin.meta.internal;

import java.util.List;

/**
 * The learner's part of a recommendation.
 *
 * @param marketCondition   the condition learned about
 * @param priorArm          the prior decision tree's arm
 * @param chosenArm         the arm recommended
 * @param overridden        whether learned evidence replaced the prior arm
 * @param reason            why (with the numbers)
 * @param rule              the switching rule in words, with the configured thresholds
 * @param minSamples        {@code min_samples}
 * @param switchProbability {@code switch_probability}
 * @param outcomes          recommendations of this condition with outcomes (any arm)
 * @param arms              every arm considered, best posterior mean first
 */
record LearningReport(
        String marketCondition,
        String priorArm,
        String chosenArm,
        boolean overridden,
        String reason,
        String rule,
        int minSamples,
        double switchProbability,
        int outcomes,
        List<ArmStats> arms) {

    LearningReport {
        arms = List.copyOf(arms);
    }
}
