package io.marketintel.plugin.liquidations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.Bias;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.testkit.fakes.FakeMarketData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole estimate on a realistic fixture: the real BTCUSDT maintenance brackets (read at test time from the
 * shared data, skipped when missing) with the constructed two-day market of {@link Fixtures#twoDays}. Writes the
 * answer to {@code target/liquidations-heatmap-example.json} (the README's example comes from there) and checks
 * what must hold for any input.
 */
class RealisticHeatmapTest {

    @Test
    void btcHeatmapWithRealBracketsIsConsistent() throws IOException {
        List<LeverageBracket> brackets = JacksonSupport.sharedBrackets("BTCUSDT");
        FakeMarketData market = Fixtures.twoDays(brackets);
        HeatmapModel.Heatmap h = HeatmapModel.compute(Fixtures.inputs(market), LiquidationSettings.defaults(),
                Fixtures.twoDaysNow(), "sim");
        HeatmapResult r = h.result();
        Path out = Path.of("target", "liquidations-heatmap-example.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JacksonSupport.pretty(r));
        Files.writeString(Path.of("target", "liquidations-levels-example.json"), JacksonSupport.pretty(HeatmapModel.levels(h, 5)));

        double mark = r.currentPrice();
        assertThat(r.estimate()).isTrue();
        assertThat(r.inputs().maxLeverage()).isEqualTo(100);          // bracket 2 of BTCUSDT at 100 000 USDT
        assertThat(r.inputs().leverageTiers()).containsExactly(5, 10, 20, 25, 50, 100);
        assertThat(r.inputs().cohorts()).isPositive();
        assertThat(r.inputs().window()).isEqualTo("48h");

        assertThat(r.longLiquidationZones()).isNotEmpty().allSatisfy(z -> {
            assertThat(z.price()).isLessThan(mark);
            assertThat(z.distancePct()).isNegative();
            assertThat(z.density()).isBetween(0, 100);
            assertThat(z.leverage()).isIn(5, 10, 20, 25, 50, 100);
            assertThat(Math.rint(z.price() * 10)).isEqualTo(z.price() * 10, org.assertj.core.api.Assertions.within(1e-6));
        });
        assertThat(r.shortLiquidationZones()).isNotEmpty().allSatisfy(z -> {
            assertThat(z.price()).isGreaterThan(mark);
            assertThat(z.distancePct()).isPositive();
        });
        int maxDensity = Math.max(h.allLong().stream().mapToInt(LiquidationZone::density).max().orElse(0),
                h.allShort().stream().mapToInt(LiquidationZone::density).max().orElse(0));
        assertThat(maxDensity).isEqualTo(100);

        assertThat(r.clusters()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.priceLow()).isLessThanOrEqualTo(c.price());
            assertThat(c.price()).isLessThanOrEqualTo(c.priceHigh());
            assertThat(c.zones() >= 2 || c.tiers().size() >= 2).isTrue();
            if (c.side() == PositionSide.LONG) {
                assertThat(c.priceHigh()).isLessThan(mark);
            } else {
                assertThat(c.priceLow()).isGreaterThan(mark);
            }
        });
        assertThat(r.clusters()).extracting(LiquidationCluster::totalNotional)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(r.huntingZones()).isNotEmpty().allSatisfy(hz -> {
            if (hz.side() == PositionSide.LONG) {
                assertThat(hz.priceHigh()).isLessThan(mark);
                assertThat(hz.priceLow()).isLessThan(hz.priceHigh());
                assertThat(hz.reason()).startsWith("Just below the long liquidation cluster");
            } else {
                assertThat(hz.priceLow()).isGreaterThan(mark);
                assertThat(hz.reason()).startsWith("Just above the short liquidation cluster");
            }
        });
        assertThat(r.cascadeRiskScore()).isBetween(0, 100);
        assertThat(r.bias()).isNotNull();
        assertThat(r.reasoning()).anyMatch(s -> s.matches("Large (long|short) liquidation cluster at [0-9.]+ \\([-+][0-9.]+%.*"));
        assertThat(r.reasoning()).anyMatch(s -> s.startsWith("Cascade risk " + r.cascadeRiskScore() + "/100"));
        assertThat(r.reasoning().get(r.reasoning().size() - 1)).startsWith("Estimate only");
    }
}
