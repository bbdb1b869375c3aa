package io.marketintel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PluginHarnessTest {

    private static PluginHarness harness;

    @BeforeAll
    static void start() {
        harness = PluginHarness.start(new SampleAnalyzer());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void answersWhatTheMarketHolds() throws Exception {
        List<Kline> klines = harness.market().klines("ETHUSDT", Interval.H4, 5).await(30, TimeUnit.SECONDS);

        Answer a = harness.call("closes", "ETHUSDT", Map.of("count", 5, "interval", "4h"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().get("symbol").asText()).isEqualTo("ETHUSDT");
        assertThat(a.data().get("interval").asText()).isEqualTo("4h");
        assertThat(StreamSupport.stream(a.data().get("closes").spliterator(), false).map(JsonNode::asDouble).toList())
                .containsExactlyElementsOf(klines.stream().map(Kline::close).toList());
    }

    @Test
    void usesTheDeclaredDefaults() {
        Answer a = harness.call("closes", "BTCUSDT");

        assertThat(a.data().get("interval").asText()).isEqualTo("1h");
        assertThat(a.data().get("closes")).hasSize(3);
    }

    @Test
    void queryStringTextIsParsedLikeOnRest() {
        Answer a = harness.call("closes", "BTCUSDT", Map.of("count", "7", "interval", "4H"));

        assertThat(a.data().get("closes")).hasSize(7);
        assertThat(a.data().get("interval").asText()).isEqualTo("4h");
    }

    @Test
    void aValueOutOfRangeIsThe400ThatNamesTheParameter() {
        Answer a = harness.call("closes", "BTCUSDT", Map.of("count", 51));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("INVALID_PARAMETER");
        assertThat(a.errorMessage()).contains("[count]");
        assertThat(a.body().at("/error/details/parameter").asText()).isEqualTo("count");
    }

    @Test
    void anUndeclaredParameterIsRefused() {
        Answer a = harness.call("closes", "BTCUSDT", Map.of("cuont", 5));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorMessage()).contains("[cuont]").contains("count");
    }

    @Test
    void aSymbolTheMarketDoesNotListIs404() {
        Answer a = harness.call("closes", "NOPEUSDT");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.errorCode()).isEqualTo("UNKNOWN_SYMBOL");
    }

    @Test
    void anUnknownOperationIsTheCallersMistake() {
        assertThatThrownBy(() -> harness.call("open", "BTCUSDT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[open]").hasMessageContaining("closes");
    }

    @Test
    void reportsThePluginLikeGetApiPlugins() {
        PluginHarness.PluginStatus status = harness.status("sample");

        assertThat(status.state()).isEqualTo("ENABLED");
        assertThat(status.health()).isEqualTo("HEALTHY");
    }

    @Test
    void aFailingHandlerIsA500WithoutAStackTraceAndCountsAsAFailure() {
        try (PluginHarness h = PluginHarness.start(new SampleAnalyzer(SampleAnalyzer.Fault.FAILS_AT_RANGE_END))) {
            Answer a = h.call("closes", "BTCUSDT", Map.of("count", SampleAnalyzer.MAX_COUNT));

            assertThat(a.status()).isEqualTo(500);
            assertThat(a.errorCode()).isEqualTo("INTERNAL_ERROR");
            assertThat(a.body().toString()).doesNotContain("at io.marketintel");
            assertThat(h.status("sample").failures()).isEqualTo(1);
        }
    }

    @Test
    void configurationIsValidatedLikeTheConfigFile() {
        assertThatThrownBy(() -> PluginHarness.builder(new SampleAnalyzer()).config("sample", Map.of("max_cuont", 3))
                .start())
                .hasMessageContaining("max_cuont");
        assertThatThrownBy(() -> PluginHarness.builder(new SampleAnalyzer()).config("sample", Map.of("max_count", 450))
                .start())
                .hasMessageContaining("at most 400");
    }

    @Test
    void aPluginThePlatformWouldRejectDoesNotStart() {
        assertThatThrownBy(() -> PluginHarness.start(new SampleAnalyzer(SampleAnalyzer.Fault.FUTURE_API)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rejected").hasMessageContaining("2.0");
    }

    @Test
    void executorsTradeOnThePaperExchangeAndJournalTheirOrders() {
        try (PluginHarness h = PluginHarness.start(new PaperProbe())) {
            Answer a = h.call("buy");

            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            assertThat(a.data().get("paper").asBoolean()).isTrue();
            assertThat(a.data().get("live").asBoolean()).isFalse();
            assertThat(a.data().get("status").asText()).isEqualTo("FILLED");
            assertThat(a.data().get("journal_entries").asInt()).isEqualTo(1);
            assertThat(a.data().get("journal_state").asText()).isNotEqualTo("INTENT");
        }
    }

    @Test
    void severalPluginsAreCalledByName() {
        try (PluginHarness h = PluginHarness.start(new SampleAnalyzer(), new PaperProbe())) {
            assertThatThrownBy(() -> h.call("closes")).hasMessageContaining("name the plugin");
            assertThat(h.call("sample", "closes", "BTCUSDT", Map.of()).status()).isEqualTo(200);
        }
    }
}
