package io.marketintel.plugin.meta.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned part of the selector, per market condition. Pure: it sees the outcomes of the condition and the
 * settings, nothing else.
 *
 * <p><b>Beliefs.</b> For each arm, a Normal-Inverse-Gamma posterior ({@link Nig}) of its mean return, from the prior
 * {@code (m₀ = prior_mean_return_pct, κ₀ = prior_mean_weight, α₀ = 2, β₀ = prior_return_std_pct²)} and the arm's
 * outcomes in the condition; reported as posterior mean, 95 % credible interval and {@code P(μ > 0)}.
 *
 * <p><b>Switching rule.</b> The prior arm stays unless another arm is statistically better on the same
 * recommendations: for arm {@code a}, take the recommendations of the condition with outcomes for both {@code a} and
 * the prior arm {@code p} and their differences {@code dᵢ = r_a,i − r_p,i}; with the posterior of their mean
 * {@code μ_d} (same prior, centred on 0: no difference), {@code a} is <em>eligible</em> when
 * {@code n_pairs ≥ min_samples} and {@code P(μ_d > 0) ≥ switch_probability}. The recommended arm is the eligible arm
 * with the largest posterior mean difference (ties: catalogue order), else the prior arm. Pairing removes the market
 * move all arms share, which is most of a return's variance. The rule is deterministic (posterior probabilities, no
 * sampling), so the same outcomes always give the same choice. There is no exploration: the labeller simulates every
 * arm on every recommendation, so the learner sees all arms' outcomes whichever one it recommended.
 */
final class Learner {

    /** One outcome: the return of {@code arm} for recommendation {@code recommendationId}. */
    record Outcome(String recommendationId, String arm, double returnPct, boolean filled) {
    }

    /** The decision for a condition. */
    record Decision(Arm chosen, Arm prior, LearningReport report) {
        boolean overridden() {
            return !chosen.equals(prior);
        }
    }

    private Learner() {
    }

    /** The switching rule in words. */
    static String rule(MetaSettings s) {
        return "switch from the prior arm to another arm only when, over >= " + s.minSamples() + " recommendations of"
                + " this condition with outcomes for both, P(its mean return beats the prior arm's) >= "
                + Fmt.num(s.switchProbability(), 4) + " (Normal-Inverse-Gamma posterior of the paired differences);"
                + " among several, the largest posterior mean difference";
    }

    /**
     * Decides for {@code condition} from its outcomes.
     *
     * @param outcomes every stored outcome of the condition (any arm, any order)
     */
    static Decision decide(MarketCondition condition, List<Outcome> outcomes, MetaSettings s) {
        Arm prior = PriorTree.row(condition).arm();
        Map<String, Map<String, Outcome>> byArm = new LinkedHashMap<>();
        Map<String, Boolean> recs = new HashMap<>();
        for (Outcome o : outcomes) {
            byArm.computeIfAbsent(o.arm(), k -> new LinkedHashMap<>()).put(o.recommendationId(), o);
            recs.put(o.recommendationId(), Boolean.TRUE);
        }
        Map<String, Outcome> priorOutcomes = byArm.getOrDefault(prior.id(), Map.of());
        List<Built> built = new ArrayList<>();
        for (Arm arm : Arm.ALL) {
            built.add(build(arm, prior, byArm.getOrDefault(arm.id(), Map.of()), priorOutcomes, s));
        }
        Built best = null;
        for (Built b : built) {
            if (b.eligible && (best == null || b.diffMean > best.diffMean)) {
                best = b;
            }
        }
        Arm chosen = best == null ? prior : best.arm;
        List<Built> ranked = new ArrayList<>(built);
        ranked.sort(Comparator.comparingDouble((Built b) -> -b.posterior.m()).thenComparingInt(b -> b.arm.order()));
        List<ArmStats> stats = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            stats.add(ranked.get(i).stats(i + 1, s));
        }
        String reason = reason(best, prior, built, s);
        LearningReport report = new LearningReport(condition.wire(), prior.id(), chosen.id(), best != null, reason,
                rule(s), s.minSamples(), s.switchProbability(), recs.size(), stats);
        return new Decision(chosen, prior, report);
    }

    private static String reason(Built best, Arm prior, List<Built> built, MetaSettings s) {
        if (best != null) {
            return "Learned: " + best.arm.id() + " beat the prior arm " + prior.id() + " with P = "
                    + Fmt.num(best.pBeats, 3) + " >= " + Fmt.num(s.switchProbability(), 4) + " over " + best.pairs
                    + " paired outcomes (mean difference " + Fmt.signed(best.diffMean, 3) + "%, posterior mean "
                    + Fmt.signed(best.posterior.m(), 3) + "% vs " + Fmt.signed(built.get(prior.order()).posterior.m(), 3)
                    + "%)";
        }
        Built closest = null;
        for (Built b : built) {
            if (!b.arm.equals(prior) && b.pBeats != null && (closest == null || b.pBeats > closest.pBeats)) {
                closest = b;
            }
        }
        int priorSamples = built.get(prior.order()).samples;
        if (closest == null) {
            return "Prior kept: no paired outcomes yet for this condition (prior arm has " + priorSamples
                    + " outcomes)";
        }
        return "Prior kept: no arm is statistically better; closest " + closest.arm.id() + " with P = "
                + Fmt.num(closest.pBeats, 3) + " over " + closest.pairs + " paired outcomes (needs >= "
                + s.minSamples() + " and P >= " + Fmt.num(s.switchProbability(), 4) + ")";
    }

    /** The belief about one arm and its comparison with the prior arm. */
    private static final class Built {
        Arm arm;
        boolean isPrior;
        int samples;
        int filled;
        int hits;
        double sum;
        Nig posterior;
        int pairs;
        double diffMean;
        Double pBeats;
        boolean eligible;

        ArmStats stats(int rank, MetaSettings s) {
            double[] ci = posterior.credibleInterval(0.95);
            return new ArmStats(rank, arm.id(), arm.execution().wire(), arm.trailing().wire(), arm.tp().wire(),
                    arm.routing().wire(), isPrior, samples, filled,
                    samples == 0 ? null : Fmt.round(sum / samples, 4),
                    filled == 0 ? null : Fmt.round(100.0 * hits / filled, 2),
                    Fmt.round(posterior.m(), 4), List.of(Fmt.round(ci[0], 4), Fmt.round(ci[1], 4)),
                    Fmt.round(posterior.probabilityAbove(0), 4), pairs,
                    isPrior || pBeats == null ? null : Fmt.round(diffMean, 4),
                    isPrior || pBeats == null ? null : Fmt.round(pBeats, 4),
                    eligible);
        }
    }

    private static Built build(Arm arm, Arm prior, Map<String, Outcome> mine, Map<String, Outcome> priorOutcomes,
                               MetaSettings s) {
        Built b = new Built();
        b.arm = arm;
        b.isPrior = arm.equals(prior);
        double[] xs = new double[mine.size()];
        double[] diffs = new double[mine.size()];
        int nd = 0;
        int i = 0;
        for (Outcome o : mine.values()) {
            xs[i++] = o.returnPct();
            b.sum += o.returnPct();
            if (o.filled()) {
                b.filled++;
                if (o.returnPct() > 0) {
                    b.hits++;
                }
            }
            Outcome p = priorOutcomes.get(o.recommendationId());
            if (!b.isPrior && p != null) {
                diffs[nd++] = o.returnPct() - p.returnPct();
            }
        }
        b.samples = xs.length;
        b.posterior = s.armPrior().update(xs);
        b.pairs = nd;
        if (!b.isPrior) {
            Nig diff = s.differencePrior().update(diffs, nd);
            b.diffMean = diff.m();
            b.pBeats = nd == 0 ? null : diff.probabilityAbove(0);
            b.eligible = nd >= s.minSamples() && b.pBeats != null && b.pBeats >= s.switchProbability();
        }
        return b;
    }
}
