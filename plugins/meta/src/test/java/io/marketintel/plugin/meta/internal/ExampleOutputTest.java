package io.marketintel.plugin.meta.internal;

import static io.marketintel.plugin.meta.internal.Fixtures.H1;
import static io.marketintel.plugin.meta.internal.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example answers of the README, produced by the code and written to {@code target/examples/} as the runtime
 * serialises them: the specification's strong-uptrend recommendation, an outcome, a labelled recommendation and the
 * ranking after it.
 */
class ExampleOutputTest {

    @TempDir
    Path dir;

    @Test
    void writeExamples() throws IOException {
        Path out = Path.of("target", "examples");
        Files.createDirectories(out);
        Vertx vertx = Vertx.vertx();
        try (MetaHarness h = MetaHarness.start(vertx, dir, T0 + 30 * 60_000L, Map.of())) {
            Recommendation strong = h.recommend(Fixtures.complete(Fixtures.funding("BULLISH", 0.06, "LONG"),
                    Fixtures.orderbook(23.5, 64, "LONG"), Fixtures.liquidations(30, "NEUTRAL"),
                    Fixtures.mtf(78, "BULLISH", 75, 30.0, 32.0, 0.85), Fixtures.vp("ABOVE_VALUE_AREA", 103, 100)));
            write(out, "recommendation-strong-uptrend.json", TestJson.wire(strong));

            h.ctx.market().klines(Fixtures.BTC, MetaPluginTest.horizon());
            Recommendation mild = h.recommend(MetaPluginTest.mildUptrend());
            h.ctx.clock().set(T0 + 25 * H1);
            write(out, "label-pass.json", TestJson.wire(h.label()));
            write(out, "recommendation-labelled.json", TestJson.wire(h.find(mild.recommendationId())));
            write(out, "outcome-posted.json", TestJson.wire(h.post(strong.recommendationId(), Map.of(
                    MetaPlugin.REALIZED_RETURN_PCT, 1.8, MetaPlugin.HOLDING_MINUTES, 600L))));
            write(out, "best-strategies-mild-uptrend.json", TestJson.wire(h.best("mild_uptrend", 3)));
        } finally {
            vertx.close();
        }
        assertThat(out.resolve("recommendation-strong-uptrend.json")).exists();
    }

    private static void write(Path dir, String name, JsonObject json) throws IOException {
        Files.writeString(dir.resolve(name), json.encodePrettily() + "\n");
    }
}
