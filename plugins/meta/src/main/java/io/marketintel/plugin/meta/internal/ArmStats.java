package io.marketintel.plugin.meta.internal;

import java.util.List;

/**
 * What the learner knows about one arm in one market condition.
 *
 * @param rank                         1 = best posterior mean return in the condition (ties: catalogue order)
 * @param arm                          arm id
 * @param executionMode                its execution mode
 * @param trailingStopMode             its trailing-stop mode
 * @param tpLadderStrategy             its TP ladder strategy
 * @param orderRouting                 its order routing
 * @param prior                        whether it is the condition's prior arm
 * @param samples                      outcomes of the arm in the condition (simulated by the labeller for every arm,
 *                                     or posted for the recommended one)
 * @param filledSamples                of which the arm actually entered (a sniper limit may never fill: return 0)
 * @param meanReturnPct                plain mean of those outcomes, %; null without any
 * @param hitRatePct                   share of filled outcomes with a positive return, %; null without any
 * @param posteriorMeanReturnPct       Normal-Inverse-Gamma posterior mean of the arm's mean return, %
 * @param credibleInterval95           equal-tailed 95 % credible interval of that mean, %
 * @param probabilityPositive          posterior probability that the mean return is above 0
 * @param pairedSamples                recommendations with outcomes for both this arm and the prior arm
 * @param posteriorMeanDiffVsPriorPct  posterior mean of (this arm − prior arm) over those pairs, %; null for the prior
 *                                     arm itself
 * @param probabilityBeatsPrior        posterior probability that this arm's mean return beats the prior arm's
 *                                     (paired); null for the prior arm
 * @param eligible                     whether it passes the switching rule ({@code paired_samples ≥ min_samples} and
 *                                     {@code probability_beats_prior ≥ switch_probability})
 */
record ArmStats(
        int rank,
        String arm,
        String executionMode,
        String trailingStopMode,
        String tpLadderStrategy,
        String orderRouting,
        boolean prior,
        int samples,
        int filledSamples,
        Double meanReturnPct,
        Double hitRatePct,
        double posteriorMeanReturnPct,
        List<Double> credibleInterval95,
        double probabilityPositive,
        int pairedSamples,
        Double posteriorMeanDiffVsPriorPct,
        Double probabilityBeatsPrior,
        boolean eligible) {

    ArmStats {
        credibleInterval95 = List.copyOf(credibleInterval95);
    }
}
