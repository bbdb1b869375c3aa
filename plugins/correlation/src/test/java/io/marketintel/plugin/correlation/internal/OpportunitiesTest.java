package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.plugin.correlation.internal.CorrelationAnalysis.Opportunities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opportunity detection at the threshold boundaries, on a hand-made matrix and hand-chosen spread z-scores. Every
 * comparison is strict, as the specification writes them (">0.7", "<-0.5", "> 2.0"): a value exactly at a threshold
 * does not qualify, the next double beyond it does.
 */
class OpportunitiesTest {

    private static final List<String> S = List.of("AUSDT", "BUSDT", "CUSDT", "DUSDT", "EUSDT");
    private static final double JUST_ABOVE_07 = Math.nextUp(0.7);
    private static final double JUST_BELOW_M05 = Math.nextDown(-0.5);
    private static final double JUST_ABOVE_2 = Math.nextUp(2.0);

    private final double[][] corr = new double[5][5];
    private final Map<String, Double> z = new HashMap<>();
    private final List<String> zAsked = new ArrayList<>();

    private void pair(int i, int j, double rho, double zscore) {
        corr[i][j] = rho;
        corr[j][i] = rho;
        z.put(i + "," + j, zscore);
    }

    private Opportunities find(CorrelationSettings s) {
        for (int i = 0; i < 5; i++) {
            corr[i][i] = 1;
        }
        pair(0, 1, 0.7, 9.0);              // A-B: |rho| exactly at 0.7: neither pairs nor hedging
        pair(0, 2, JUST_ABOVE_07, 0.0);    // A-C: hedging (just), no divergence
        pair(0, 3, -0.5, 0.0);             // A-D: exactly -0.5: not diversification
        pair(0, 4, JUST_BELOW_M05, 0.0);   // A-E: diversification (just)
        pair(1, 2, 0.9, 2.0);              // B-C: z exactly 2: no pairs trade; hedging
        pair(1, 3, 0.9, JUST_ABOVE_2);     // B-D: pairs, B outperformed: SHORT B / LONG D; hedging
        pair(1, 4, -0.8, -3.0);            // B-E: |rho| 0.8 qualifies; z -3: LONG B / SHORT E; diversification
        pair(2, 3, Double.NaN, 9.0);       // C-D: undefined (a constant price): skipped
        pair(2, 4, 0.2, 5.0);              // C-E: weak: z never computed
        pair(3, 4, 0.75, -2.0);            // D-E: z exactly -2: no pairs trade; hedging
        return CorrelationAnalysis.opportunities(S, corr, (i, j) -> {
            zAsked.add(S.get(i).charAt(0) + "-" + S.get(j).charAt(0));
            return z.get(i + "," + j);
        }, s);
    }

    @Test
    void strictThresholdsAtTheBoundaries() {
        Opportunities o = find(CorrelationSettings.defaults());

        assertThat(o.pairsTrading()).extracting(PairsOpportunity::pair1, PairsOpportunity::pair2,
                PairsOpportunity::correlation, PairsOpportunity::zscore, PairsOpportunity::signal, PairsOpportunity::action)
                .containsExactly(
                        tuple("BUSDT", "EUSDT", -0.8, -3.0, PairSignal.MEAN_REVERSION, "LONG BUSDT / SHORT EUSDT"),
                        tuple("BUSDT", "DUSDT", 0.9, 2.0, PairSignal.MEAN_REVERSION, "SHORT BUSDT / LONG DUSDT"));
        assertThat(o.hedging()).extracting(CorrelatedPair::pair1, CorrelatedPair::pair2, CorrelatedPair::correlation)
                .containsExactly(tuple("BUSDT", "CUSDT", 0.9), tuple("BUSDT", "DUSDT", 0.9), tuple("DUSDT", "EUSDT", 0.75),
                        tuple("AUSDT", "CUSDT", 0.7));     // 0.7000000000000001, shown rounded
        assertThat(o.diversification()).extracting(CorrelatedPair::pair1, CorrelatedPair::pair2, CorrelatedPair::correlation)
                .containsExactly(tuple("BUSDT", "EUSDT", -0.8), tuple("AUSDT", "EUSDT", -0.5));
        assertThat(o.counts()).isEqualTo(new OpportunityCounts(2, 4, 2, 10));
        // z is only computed for pairs whose |rho| passes the pairs threshold.
        assertThat(zAsked).containsExactly("A-C", "B-C", "B-D", "B-E", "D-E");
    }

    @Test
    void thresholdsComeFromConfiguration() {
        Opportunities o = find(settings(Map.of("pairs_correlation_threshold", 0.85, "zscore_threshold", 1.5,
                "hedge_correlation_threshold", 0.8, "diversification_correlation_threshold", -0.9)));
        assertThat(o.pairsTrading()).extracting(PairsOpportunity::pair1, PairsOpportunity::pair2)
                .containsExactly(tuple("BUSDT", "DUSDT"), tuple("BUSDT", "CUSDT"));   // z 2.0000000000000004 and 2.0 > 1.5
        assertThat(o.hedging()).extracting(CorrelatedPair::pair2).containsExactly("CUSDT", "DUSDT");
        assertThat(o.diversification()).isEmpty();
    }

    @Test
    void listsAreCutToMaxOpportunitiesButCountsAreTotals() {
        Opportunities o = find(settings(Map.of("max_opportunities", 1L)));
        assertThat(o.pairsTrading()).hasSize(1).first().extracting(PairsOpportunity::pair2).isEqualTo("EUSDT");
        assertThat(o.hedging()).hasSize(1);
        assertThat(o.diversification()).hasSize(1);
        assertThat(o.counts()).isEqualTo(new OpportunityCounts(2, 4, 2, 10));
    }
}
