package com.example.rsiextremes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.Answer;
import io.marketintel.testkit.Conformance;
import io.marketintel.testkit.PluginHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin on the platform's simulated market, through the test kit: what a caller of
 * {@code /api/intelligence/rsi-extremes/…} would get, without starting the server.
 */
class RsiExtremesPluginTest {

    private static PluginHarness harness;

    @BeforeAll
    static void start() {
        harness = PluginHarness.start(new RsiExtremesPlugin());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void passesTheConformanceChecks() {
        Conformance.assertConforms(new RsiExtremesPlugin());
    }

    @Test
    void theRsiIsWildersOverTheLastCandles() throws Exception {
        int period = 14;
        List<Kline> klines = harness.market().klines("ETHUSDT", Interval.H4, period * 10 + 1)
                .await(30, TimeUnit.SECONDS);

        Answer a = harness.call("rsi", "ETHUSDT", Map.of("interval", "4h", "period", period));

        assertEquals(200, a.status(), a.toString());
        assertEquals(wilderRsi(klines, period), a.data().get("rsi").asDouble(), 1e-9);
        assertEquals(klines.get(klines.size() - 1).close(), a.data().get("close").asDouble(), 1e-9);
        assertEquals(period * 10 + 1, a.data().get("candles").asInt());
    }

    @Test
    void theExtremesAreTheReadingsBeyondTheThresholdsFarthestFirst() {
        // Thresholds just around the middle: every reading of a moving market is an extreme.
        Answer a = harness.call("scan", null, Map.of("symbols", "BTCUSDT,ETHUSDT,SOLUSDT", "overbought", 50.5,
                "oversold", 49.5));

        JsonNode readings = a.data().get("readings");
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), texts(readings, "symbol"));
        List<String> expected = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (JsonNode r : readings) {
            double rsi = r.get("rsi").asDouble();
            String zone = rsi >= 50.5 ? "OVERBOUGHT" : rsi <= 49.5 ? "OVERSOLD" : "NEUTRAL";
            assertEquals(zone, r.get("zone").asText(), r.toString());
            if (!zone.equals("NEUTRAL")) {
                expected.add(r.get("symbol").asText());
                distances.add(Math.abs(rsi - 50));
            }
        }
        JsonNode extremes = a.data().get("extremes");
        assertEquals(expected.size(), extremes.size());
        for (int i = 1; i < extremes.size(); i++) {
            assertTrue(Math.abs(extremes.get(i - 1).get("rsi").asDouble() - 50)
                    >= Math.abs(extremes.get(i).get("rsi").asDouble() - 50), extremes.toString());
        }
        assertTrue(texts(extremes, "symbol").containsAll(expected));
    }

    @Test
    void withoutThresholdsTheConfiguredOnesApply() {
        Answer a = harness.call("scan");

        assertEquals(70.0, a.data().get("overbought").asDouble());
        assertEquals(30.0, a.data().get("oversold").asDouble());
        assertEquals(4, a.data().get("readings").size());
    }

    @Test
    void aPeriodOutOfRangeIsRefusedNamingIt() {
        Answer a = harness.call("rsi", "BTCUSDT", Map.of("period", 1));

        assertEquals(400, a.status());
        assertEquals("INVALID_PARAMETER", a.errorCode());
        assertTrue(a.errorMessage().contains("[period]"), a.errorMessage());
    }

    @Test
    void anUnknownConfigurationKeyIsRefusedNamingIt() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> PluginHarness.builder(new RsiExtremesPlugin())
                .config("rsi-extremes", Map.of("overbougth", 80.0)).start());

        assertTrue(e.getMessage().contains("overbougth"), e.getMessage());
    }

    /** Wilder's RSI written out: seed with the mean gain and loss of the first period, then smooth by 1/period. */
    private static double wilderRsi(List<Kline> klines, int period) {
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = klines.get(i).close() - klines.get(i - 1).close();
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        for (int i = period + 1; i < klines.size(); i++) {
            double change = klines.get(i).close() - klines.get(i - 1).close();
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
