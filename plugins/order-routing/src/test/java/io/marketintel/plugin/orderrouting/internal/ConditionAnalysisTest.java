package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The market-condition analysis on a known book, and adaptive routing's rules (defaults: 5 / 10 / 15 bps). */
class ConditionAnalysisTest {

    private static final RoutingSettings DEFAULTS = RoutingSettings.defaults();

    @Test
    void conditionsOfAKnownBook() {
        // Fixtures.book: asks 100.01×1, 100.02×2, 100.05×3, 100.10×10; bids 99.99×1.5, 99.98×2.5, 99.95×4, 99.90×10
        MarketConditions c = ConditionAnalysis.conditions(Fixtures.book("TESTUSDT"), Fixtures.minutes(100, 101, 100, 101),
                Side.BUY, new BigDecimal("4.5"), DEFAULTS);
        assertThat(c.bestBid()).isEqualTo(99.99);
        assertThat(c.bestAsk()).isEqualTo(100.01);
        assertThat(c.mid()).isEqualTo(100.0);
        assertThat(c.spreadBps()).isEqualTo(2.0);
        // ±0.5 % of 100 = [99.5, 100.5] holds every level: asks 16, bids 18
        assertThat(c.askDepth()).isEqualTo(16.0);
        assertThat(c.bidDepth()).isEqualTo(18.0);
        assertThat(c.availableLiquidity()).isEqualTo(16.0);
        assertThat(c.liquidityUsedPct()).isEqualTo(28.125);                 // 4.5 / 16
        // 1 @ 100.01 + 2 @ 100.02 + 1.5 @ 100.05 = 450.125 / 4.5 = 100.02777…; (… − 100) / 100 × 10000 = 2.7778 bps
        assertThat(c.estimatedAvgPrice()).isEqualTo(100.02777778);
        assertThat(c.estimatedImpactBps()).isEqualTo(2.7778);
        assertThat(c.worstPrice()).isEqualTo(100.05);
        assertThat(c.levelsConsumed()).isEqualTo(3);
        assertThat(c.bookExhausted()).isFalse();
        assertThat(c.orderNotional()).isEqualTo(450.0);
        assertThat(c.volatilityBps()).isEqualTo(114.8965);
        assertThat(c.volatilityKlines()).isEqualTo(4);
    }

    private static MarketConditions conditions(double spread, double impact, Double volatility, boolean exhausted) {
        return new MarketConditions(99.99, 100.01, 100, spread, 0.5, 10, 10, 10, 50, 1000, 100, impact, 100.1, 3,
                exhausted, 100, volatility, volatility == null ? 0 : 60);
    }

    @ParameterizedTest(name = "spread {0}, impact {1}, volatility {2}, exhausted {3}, {4}, qty {5} → {6}")
    @CsvSource(nullValues = "-", value = {
            // too small to cut into two sendable orders (2 × 0.2)
            "2, 4,  5, false, NORMAL, 0.3, MARKET",
            // the book read cannot fill it
            "2, 4,  5, true,  NORMAL, 10,  TWAP",
            // impact within the urgency's share of 10 bps (LOW 2.5, NORMAL 5, HIGH 10) and a tight spread
            "2, 4,  5, false, NORMAL, 10,  MARKET",
            "2, 6,  5, false, HIGH,   10,  MARKET",
            "2, 1, 30, false, LOW,    10,  MARKET",
            // volatile: time slices
            "2, 20, 30, false, NORMAL, 10, TWAP",
            "8, 20, 30, false, LOW,    10, TWAP",
            // wide spread, not urgent: rest at the touch
            "8, 4,  5, false, NORMAL, 10,  ICEBERG",
            "8, 4,  -, false, LOW,    10,  ICEBERG",
            // wide spread but urgent: not passive
            "8, 4,  5, false, HIGH,   10,  TWAP",
            // impact above the threshold
            "2, 20, -, false, NORMAL, 10,  TWAP",
            // moderate impact: LOW works it passively, NORMAL over time
            "2, 6,  5, false, LOW,    10,  ICEBERG",
            "2, 6,  5, false, NORMAL, 10,  TWAP"})
    void adaptiveRouting(double spread, double impact, Double volatility, boolean exhausted, Urgency urgency,
                         String quantity, Algorithm expected) {
        ConditionAnalysis.Choice choice = ConditionAnalysis.choose(conditions(spread, impact, volatility, exhausted),
                urgency, DEFAULTS, new BigDecimal(quantity), new BigDecimal("0.2"));
        assertThat(choice.algorithm()).isEqualTo(expected);
        assertThat(choice.reasoning()).hasSize(2);
        assertThat(choice.reasoning().get(1)).startsWith(expected.name() + ": ");
    }

    @Test
    void theReasoningNamesTheNumbersAndTheRule() {
        ConditionAnalysis.Choice choice = ConditionAnalysis.choose(conditions(8, 4, 5.0, false), Urgency.NORMAL, DEFAULTS,
                BigDecimal.TEN, new BigDecimal("0.2"));
        assertThat(choice.reasoning()).containsExactly(
                "spread 8 bps (threshold 5), estimated impact of the whole order 4 bps walking 3 levels to 100.1"
                        + " (threshold 10), 50% of the liquidity within ±0.5% of the mid, 1m volatility 5 bps"
                        + " (threshold 15)",
                "ICEBERG: spread 8 bps > 5 bps: resting at the touch saves crossing it and hides the size");
    }
}
