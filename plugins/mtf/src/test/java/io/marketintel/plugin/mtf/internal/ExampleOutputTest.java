package io.marketintel.plugin.mtf.internal;

import static io.marketintel.plugin.mtf.internal.Fixtures.BTC;
import static io.marketintel.plugin.mtf.internal.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's example: the operation on a {@link ConstructedMarket} (a seeded 1-minute path with a multi-day uptrend
 * and a pullback in the last 12 minutes, aggregated into every timeframe). Written to
 * {@code target/mtf-confluence-example.json}. The assertions check what was built into the market and that the
 * published numbers obey the documented formulas.
 */
class ExampleOutputTest {

    @Test
    void uptrendWithAShortTermPullback() throws Exception {
        MtfPlugin plugin = new MtfPlugin();
        FakePluginContext ctx = Fixtures.context(plugin.descriptor(), ConstructedMarket.build(Fixtures.NOW, 1));
        done(plugin.start(ctx));
        ConfluenceResult r = (ConfluenceResult) done(plugin.operations().get(0).handler()
                .handle(new OperationRequest(BTC, Params.empty())));
        String json = JacksonSupport.pretty(r);
        Path out = Path.of("target", "mtf-confluence-example.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);

        // built in: days of uptrend, a pullback over the last 12 minutes
        assertThat(r.timeframeSignals().get(0).direction()).as("1m after the pullback").isEqualTo(Direction.BEARISH);
        assertThat(r.timeframeSignals().subList(3, 6)).extracting(TimeframeSignal::direction)
                .as("1h, 4h, 1d").containsOnly(Direction.BULLISH);
        assertThat(r.overallDirection()).isEqualTo(Direction.BULLISH);
        // the published numbers obey the formulas: confluence = 100 · Σ w·a·s, aligned = count of the overall direction
        double agreement = 0;
        int aligned = 0;
        for (TimeframeSignal t : r.timeframeSignals()) {
            int a = t.direction() == r.overallDirection() ? 1 : t.direction() == Direction.NEUTRAL ? 0 : -1;
            agreement += t.weight() * a * t.strength();
            aligned += t.direction() == r.overallDirection() ? 1 : 0;
        }
        assertThat(r.confluenceScore()).isBetween((int) Math.floor(agreement) - 1, (int) Math.ceil(agreement) + 1);
        assertThat(r.alignedTimeframes()).isEqualTo(aligned);
        assertThat(r.totalTimeframes()).isEqualTo(6);
        assertThat(r.confidence()).isEqualTo(r.confluenceScore());        // full coverage
        assertThat(r.reasoning().get(0)).isEqualTo((r.confluenceScore() >= 70 ? "High" : r.confluenceScore() >= 30
                ? "Moderate" : "Low") + " confluence (" + r.confluenceScore() + "/100) - " + aligned + "/6 timeframes aligned");
    }
}
