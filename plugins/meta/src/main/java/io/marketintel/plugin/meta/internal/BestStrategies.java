package io.marketintel.plugin.meta.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/meta/best-strategies?condition=…&top_n=…}, read from H2.
 *
 * @param condition         the condition
 * @param topN              how many arms were asked for
 * @param priorArm          the prior tree's arm for the condition
 * @param recommendedArm    what the learner would recommend now
 * @param overridden        whether that differs from the prior arm
 * @param outcomes          recommendations of the condition with outcomes
 * @param ranking           how the list is ordered
 * @param prior             the Normal-Inverse-Gamma prior in words
 * @param strategies        the best {@code top_n} arms
 */
record BestStrategies(String condition, int topN, String priorArm, String recommendedArm, boolean overridden,
                      int outcomes, String ranking, String prior, List<ArmStats> strategies) {

    BestStrategies {
        strategies = List.copyOf(strategies);
    }
}
