package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scoring formulas on hand-computed values, and the risk level cut-offs. */
class RiskScoringTest {

    @ParameterizedTest(name = "leverage {0}x → {1}")
    @CsvSource({"0, 0", "1, 5", "3, 15", "10, 50", "19, 95", "20, 100", "21, 100", "125, 100"})
    void leverageScoreIsFiveTimesTheLeverageCappedAt100(int leverage, double score) {
        assertThat(RiskScoring.leverageScore(leverage)).isEqualTo(score);
    }

    @ParameterizedTest(name = "liquidation {0} % away → {1}")
    @CsvSource({"0, 100", "5, 90", "12.5, 75", "25, 50", "49.5, 1", "50, 0", "80, 0"})
    void liquidationScoreFallsTwoPointsPerPercentOfDistance(double distance, double score) {
        assertThat(RiskScoring.liquidationScore(distance)).isCloseTo(score, within(1e-12));
    }

    @Test
    void noLiquidationPriceScoresZero() {
        assertThat(RiskScoring.liquidationScore(null)).isZero();
    }

    @ParameterizedTest(name = "drawdown {0} % → {1}")
    @CsvSource({"-3, 0", "0, 0", "2.5, 25", "9.99, 99.9", "10, 100", "15, 100"})
    void drawdownScoreIsTenTimesTheAdverseMoveCappedAt100(double drawdown, double score) {
        assertThat(RiskScoring.drawdownScore(drawdown)).isCloseTo(score, within(1e-9));
    }

    @ParameterizedTest(name = "{0} % of equity → {1}")
    @CsvSource({"0, 0", "50, 25", "130, 65", "200, 100", "350, 100"})
    void sizeScoreIsHalfTheShareOfEquityCappedAt100(double share, double score) {
        assertThat(RiskScoring.sizeScore(share)).isEqualTo(score);
    }

    @Test
    void sizeScoreIsFullWhenEquityIsNotPositive() {
        assertThat(RiskScoring.sizeScore(null)).isEqualTo(100);
    }

    @Test
    void positionRiskWeighsLeverage25Liquidation40Drawdown15Size20() {
        assertThat(RiskScoring.positionRisk(new ScoreComponents(100, 75, 0, 100))).isEqualTo(75.0);
        assertThat(RiskScoring.positionRisk(new ScoreComponents(100, 0, 0, 0))).isEqualTo(25.0);
        assertThat(RiskScoring.positionRisk(new ScoreComponents(0, 100, 0, 0))).isEqualTo(40.0);
        assertThat(RiskScoring.positionRisk(new ScoreComponents(0, 0, 100, 0))).isEqualTo(15.0);
        assertThat(RiskScoring.positionRisk(new ScoreComponents(0, 0, 0, 100))).isEqualTo(20.0);
        // 0.25·50 + 0.40·80 + 0.15·0 + 0.20·50 = 12.5 + 32 + 10 = 54.5
        assertThat(RiskScoring.positionRisk(new ScoreComponents(50, 80, 0, 50))).isEqualTo(54.5);
        // rounded to 2 decimals: 0.25·15 + 0.40·33.333 + 0.15·1 + 0.20·7 = 3.75 + 13.3332 + 0.15 + 1.4 = 18.6332
        assertThat(RiskScoring.positionRisk(new ScoreComponents(15, 33.333, 1, 7))).isEqualTo(18.63);
    }

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource({"0, LOW", "30, LOW", "30.01, MODERATE", "45, MODERATE", "60, MODERATE", "60.01, HIGH", "74.99, HIGH",
            "75, HIGH", "75.01, CRITICAL", "100, CRITICAL"})
    void levelsAreInclusiveFromAbove(double score, RiskLevel level) {
        assertThat(RiskLevel.of(score)).isEqualTo(level);
    }

    @Test
    void heatIsHalfPositionRiskFifthLeverageAndExposureScaledConcentrationAndCorrelation() {
        // 0.5·60 + 0.2·100 + 0.5·(0.15·80 + 0.15·40) = 30 + 20 + 0.5·18 = 59
        assertThat(RiskScoring.heat(new HeatComponents(60, 100, 80, 40, 0.5))).isEqualTo(59.0);
        // no exposure: concentration and correlation do not count
        assertThat(RiskScoring.heat(new HeatComponents(0, 0, 100, 100, 0))).isZero();
        assertThat(RiskScoring.heat(new HeatComponents(100, 100, 100, 100, 1))).isEqualTo(100.0);
    }

    @Test
    void leverageHeatIsFiftyAtTheLimitAndFullAtTwiceIt() {
        assertThat(RiskScoring.leverageHeat(3, 3)).isEqualTo(50);
        assertThat(RiskScoring.leverageHeat(1.5, 3)).isEqualTo(25);
        assertThat(RiskScoring.leverageHeat(6, 3)).isEqualTo(100);
        assertThat(RiskScoring.leverageHeat(20, 3)).isEqualTo(100);
    }

    @Test
    void exposureFactorIsGrossOverEquityCappedAtOne() {
        assertThat(RiskScoring.exposureFactor(0, 10_000)).isZero();
        assertThat(RiskScoring.exposureFactor(2_500, 10_000)).isEqualTo(0.25);
        assertThat(RiskScoring.exposureFactor(16_000, 10_000)).isEqualTo(1);
        assertThat(RiskScoring.exposureFactor(1_000, -5)).isEqualTo(1);
    }
}
