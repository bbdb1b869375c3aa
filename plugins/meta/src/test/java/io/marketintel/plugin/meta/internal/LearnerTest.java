package io.marketintel.plugin.meta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The switching rule at its thresholds. Condition ranging (prior arm dca.breakeven.conservative.adaptive); 20
 * recommendations; the challenger static.dynamic.adaptive.limit returns the prior arm's return + 2 on ten of them and
 * + 0 on the other ten, every other arm exactly the prior arm's return.
 *
 * <p>By hand, paired differences d: n = 20, mean 1, S = Σ(d − 1)² = 20. Difference prior (m0 0, kappa0 1, alpha0 2,
 * beta0 2² = 4): kappa = 21, m = 20/21, alpha = 12, beta = 4 + 20/2 + 1·20·1²/(2·21) = 14 + 10/21; scale = √(beta /
 * (12·21)); P(μ_d > 0) = F_24(m / scale) ≈ 0.99972 (closed form of the t CDF for even dof in {@link BayesTest}).
 */
class LearnerTest {

    private static final Arm PRIOR = Arm.DCA_BREAKEVEN;
    private static final Arm CHALLENGER = Arm.STATIC_DYNAMIC;
    private static final double M = 20.0 / 21.0;
    private static final double SCALE = Math.sqrt((14.0 + 10.0 / 21.0) / (12.0 * 21.0));
    private static final double P = BayesTest.tCdfEven(M / SCALE, 24);

    static MetaSettings settings(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(MetaSettings.defaultParams().asMap());
        values.putAll(overrides);
        return MetaSettings.from(Params.of(values));
    }

    private static List<Learner.Outcome> outcomes(int n) {
        List<Learner.Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String rec = "rec-" + i;
            double base = 0.37 * i - 3.1;
            for (Arm arm : Arm.ALL) {
                double r = arm.equals(CHALLENGER) ? base + (i % 2 == 0 ? 2.0 : 0.0) : base;
                out.add(new Learner.Outcome(rec, arm.id(), r, true));
            }
        }
        return out;
    }

    @Test
    void theHandComputedProbability() {
        Learner.Decision d = Learner.decide(MarketCondition.RANGING, outcomes(20), settings(Map.of()));
        ArmStats challenger = stats(d, CHALLENGER);
        assertThat(challenger.pairedSamples()).isEqualTo(20);
        assertThat(challenger.posteriorMeanDiffVsPriorPct()).isCloseTo(M, within(1e-4));
        assertThat(challenger.probabilityBeatsPrior()).isCloseTo(P, within(1e-4));
        assertThat(P).isBetween(0.9997, 0.9998);
        ArmStats same = stats(d, Arm.SNIPER_STATIC);
        assertThat(same.probabilityBeatsPrior()).isEqualTo(0.5);
        assertThat(same.eligible()).isFalse();
        assertThat(stats(d, PRIOR).prior()).isTrue();
        assertThat(stats(d, PRIOR).probabilityBeatsPrior()).isNull();
    }

    @Test
    void switchesWithExactlyMinSamplesPairs() {
        Learner.Decision d = Learner.decide(MarketCondition.RANGING, outcomes(20), settings(Map.of(
                MetaSettings.MIN_SAMPLES, 20L)));
        assertThat(d.chosen()).isEqualTo(CHALLENGER);
        assertThat(d.overridden()).isTrue();
        assertThat(d.report().overridden()).isTrue();
        assertThat(d.report().reason()).startsWith("Learned: static.dynamic.adaptive.limit beat the prior arm"
                + " dca.breakeven.conservative.adaptive with P = 1 >= 0.95 over 20 paired outcomes");
        assertThat(stats(d, CHALLENGER).eligible()).isTrue();
    }

    @Test
    void keepsThePriorOnePairShortOfMinSamples() {
        Learner.Decision d = Learner.decide(MarketCondition.RANGING, outcomes(20), settings(Map.of(
                MetaSettings.MIN_SAMPLES, 21L)));
        assertThat(d.chosen()).isEqualTo(PRIOR);
        assertThat(d.overridden()).isFalse();
        assertThat(d.report().reason()).isEqualTo("Prior kept: no arm is statistically better; closest"
                + " static.dynamic.adaptive.limit with P = 1 over 20 paired outcomes (needs >= 21 and P >= 0.95)");
    }

    @Test
    void switchesJustBelowTheProbabilityAndNotJustAbove() {
        MetaSettings below = settings(Map.of(MetaSettings.SWITCH_PROBABILITY, P - 1e-7));
        MetaSettings above = settings(Map.of(MetaSettings.SWITCH_PROBABILITY, P + 1e-7));
        assertThat(Learner.decide(MarketCondition.RANGING, outcomes(20), below).chosen()).isEqualTo(CHALLENGER);
        assertThat(Learner.decide(MarketCondition.RANGING, outcomes(20), above).chosen()).isEqualTo(PRIOR);
    }

    @Test
    void amongEligibleArmsTheLargestMeanDifferenceWins() {
        List<Learner.Outcome> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double base = Math.sin(i) * 3;
            for (Arm arm : Arm.ALL) {
                double r = base;
                if (arm.equals(Arm.SNIPER_STATIC)) {
                    r += 0.5 + (i % 2) * 0.1;
                } else if (arm.equals(Arm.STATIC_HOLD)) {
                    r += 0.8 + (i % 2) * 0.1;
                }
                out.add(new Learner.Outcome("r" + i, arm.id(), r, true));
            }
        }
        Learner.Decision d = Learner.decide(MarketCondition.RANGING, out, settings(Map.of()));
        assertThat(stats(d, Arm.SNIPER_STATIC).eligible()).isTrue();
        assertThat(stats(d, Arm.STATIC_HOLD).eligible()).isTrue();
        assertThat(d.chosen()).isEqualTo(Arm.STATIC_HOLD);
        assertThat(d.report().arms().get(0).arm()).isEqualTo(Arm.STATIC_HOLD.id());
        assertThat(d.report().arms().get(0).rank()).isEqualTo(1);
    }

    @Test
    void outcomesOfOtherRecommendationsAreNotPairs() {
        List<Learner.Outcome> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(new Learner.Outcome("p" + i, PRIOR.id(), -1.0 + (i % 3), true));
            out.add(new Learner.Outcome("c" + i, CHALLENGER.id(), 3.0 + (i % 3), true)); // posted, unpaired
        }
        Learner.Decision d = Learner.decide(MarketCondition.RANGING, out, settings(Map.of()));
        assertThat(stats(d, CHALLENGER).pairedSamples()).isZero();
        assertThat(stats(d, CHALLENGER).samples()).isEqualTo(30);
        assertThat(d.chosen()).isEqualTo(PRIOR);
        // …but the ranking by posterior mean sees the challenger ahead.
        assertThat(d.report().arms().get(0).arm()).isEqualTo(CHALLENGER.id());
    }

    @Test
    void withoutOutcomesThePriorStandsOnThePriorBelief() {
        Learner.Decision d = Learner.decide(MarketCondition.STRONG_UPTREND, List.of(), settings(Map.of()));
        assertThat(d.chosen()).isEqualTo(Arm.PYRAMID_SMART);
        assertThat(d.report().reason()).isEqualTo("Prior kept: no paired outcomes yet for this condition (prior arm"
                + " has 0 outcomes)");
        assertThat(d.report().arms()).allSatisfy(a -> {
            assertThat(a.samples()).isZero();
            assertThat(a.meanReturnPct()).isNull();
            assertThat(a.posteriorMeanReturnPct()).isZero();
            assertThat(a.probabilityPositive()).isEqualTo(0.5);
        });
        assertThat(d.report().arms()).extracting(ArmStats::arm).containsExactlyElementsOf(
                Arm.ALL.stream().map(Arm::id).toList());
        assertThat(d.report().rule()).isEqualTo("switch from the prior arm to another arm only when, over >= 20"
                + " recommendations of this condition with outcomes for both, P(its mean return beats the prior arm's)"
                + " >= 0.95 (Normal-Inverse-Gamma posterior of the paired differences); among several, the largest"
                + " posterior mean difference");
    }

    @Test
    void perArmPosteriorAsComputedByHand() {
        List<Learner.Outcome> out = List.of(new Learner.Outcome("a", PRIOR.id(), 1, true),
                new Learner.Outcome("b", PRIOR.id(), 2, true), new Learner.Outcome("c", PRIOR.id(), 3, false));
        ArmStats s = stats(Learner.decide(MarketCondition.RANGING, out, settings(Map.of())), PRIOR);
        assertThat(s.samples()).isEqualTo(3);
        assertThat(s.filledSamples()).isEqualTo(2);
        assertThat(s.meanReturnPct()).isEqualTo(2.0);
        assertThat(s.hitRatePct()).isEqualTo(100.0);
        assertThat(s.posteriorMeanReturnPct()).isEqualTo(1.5); // see BayesTest.conjugateUpdateByHand
        assertThat(s.credibleInterval95().get(0)).isCloseTo(1.5 - 2.364624 * Math.sqrt(6.5 / 14), within(1e-4));
    }

    private static ArmStats stats(Learner.Decision d, Arm arm) {
        return d.report().arms().stream().filter(a -> a.arm().equals(arm.id())).findFirst().orElseThrow();
    }
}
