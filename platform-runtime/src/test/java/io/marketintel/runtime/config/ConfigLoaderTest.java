package io.marketintel.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.ParamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final Path FILE = Path.of("test.yaml");
    private static final Map<String, PluginSchema> PLUGINS = Map.of(
            "funding", new PluginSchema(List.of(ParamSpec.decimal("extreme_threshold_pct", 0.15).range(0, 5),
                    ParamSpec.decimal("bullish_threshold_pct", 0.05).range(0, 5),
                    ParamSpec.integer("cache_ttl_seconds", 300).range(1, 3600)), p -> {
                        if (p.decimal("bullish_threshold_pct") >= p.decimal("extreme_threshold_pct")) {
                            throw new IllegalArgumentException("[bullish_threshold_pct] must be below [extreme_threshold_pct]");
                        }
                    }),
            "volume-profile", PluginSchema.of(List.of(ParamSpec.integer("bins", 50).range(10, 500))));

    private static PlatformConfig parse(String yaml, Map<String, String> env) {
        return new ConfigLoader(PLUGINS, env).parse(FILE, yaml);
    }

    private static PlatformConfig parse(String yaml) {
        return parse(yaml, Map.of());
    }

    @Test
    void emptyFileGivesTheDocumentedDefaults() {
        PlatformConfig c = parse("");
        assertThat(c.market()).isEqualTo("sim");
        assertThat(c.http().host()).isEqualTo("127.0.0.1");
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.cacheTtls()).containsEntry("order_book", Duration.ofSeconds(10))
                .containsEntry("funding", Duration.ofMinutes(5)).containsEntry("liquidation_inputs", Duration.ofMinutes(1));
        assertThat(c.plugin("funding").enabled()).isTrue();
        assertThat(c.plugin("funding").values().decimal("extreme_threshold_pct")).isEqualTo(0.15);
        assertThat(c.tradingLive()).isFalse();
    }

    @Test
    void fileValuesAreRead() {
        PlatformConfig c = parse("""
                market: binance
                http:
                  port: 9090
                plugins:
                  funding:
                    enabled: false
                    extreme_threshold_pct: 0.2
                  volume-profile:
                    bins: 80
                """);
        assertThat(c.market()).isEqualTo("binance");
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.plugin("funding").enabled()).isFalse();
        assertThat(c.plugin("funding").values().decimal("extreme_threshold_pct")).isEqualTo(0.2);
        assertThat(c.plugin("volume-profile").values().integer("bins")).isEqualTo(80);
    }

    @Test
    void environmentVariablesOverrideTheFileKeyByKey() {
        PlatformConfig c = parse("http:\n  port: 9090\n  host: 0.0.0.0\n", Map.of(
                "MI_HTTP_PORT", "7070", "MI_MARKET", "replay", "MI_DATA_DIR", "/tmp/mi", "MI_API_TOKEN", "0123456789abcdef",
                "MI_BINANCE_BASE_URL", "http://127.0.0.1:5555", "MI_REPLAY_DIR", "/r",
                "MI_PLUGINS_FUNDING_ENABLED", "false", "MI_PLUGINS_VOLUME_PROFILE_BINS", "99"));
        assertThat(c.http().port()).isEqualTo(7070);
        assertThat(c.http().host()).as("not overridden").isEqualTo("0.0.0.0");
        assertThat(c.market()).isEqualTo("replay");
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/mi"));
        assertThat(c.apiToken()).isEqualTo("0123456789abcdef");
        assertThat(c.binance().baseUrl()).isEqualTo("http://127.0.0.1:5555");
        assertThat(c.replay().dir()).isEqualTo(Path.of("/r"));
        assertThat(c.plugin("funding").enabled()).isFalse();
        assertThat(c.plugin("volume-profile").values().integer("bins")).isEqualTo(99);
    }

    @Test
    void badEnvironmentValueNamesKeyAndVariable() {
        assertThatThrownBy(() -> parse("", Map.of("MI_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config key [http.port] must be a whole number, was \"eighty\"")
                .hasMessageContaining("MI_HTTP_PORT");
    }

    @Test
    void unknownEnvironmentVariablesAreWarnedAboutWithASuggestion() {
        PlatformConfig c = parse("", Map.of("MI_HTTP_PROT", "1", "PATH", "/bin"));
        assertThat(c.warnings()).containsExactly(
                "environment variable [MI_HTTP_PROT] matches no config key; did you mean [MI_HTTP_PORT]?");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top-level key|bogus: 1|unknown config key [bogus]",
            "unknown key with suggestion|http:\\n  prot: 1|unknown config key [http.prot]; did you mean [http.port]?",
            "wrong type|http:\\n  port: eighty|config key [http.port] must be a whole number, was \"eighty\"",
            "out of range|http:\\n  port: 70000|config key [http.port] must be within [0, 65535], was 70000",
            "bad enum|market: kraken|config key [market] must be one of [sim, binance, replay], was \"kraken\"",
            "scalar for a section|http: 5|config key [http] must be a section of keys, was 5",
            "unknown plugin key|plugins:\\n  funding:\\n    extreme_threshhold_pct: 1|unknown config key [plugins.funding.extreme_threshhold_pct]; did you mean [plugins.funding.extreme_threshold_pct]?",
            "plugin value out of range|plugins:\\n  funding:\\n    cache_ttl_seconds: 0|config key [plugins.funding.cache_ttl_seconds] must be within [1, 3600], was 0",
            "plugin enabled not boolean|plugins:\\n  funding:\\n    enabled: maybe|config key [plugins.funding.enabled] must be true or false, was \"maybe\"",
            "bad replay start|replay:\\n  start: yesterday|config key [replay.start] must be an ISO-8601 instant",
            "bad base url|binance:\\n  base_url: fapi.binance.com|config key [binance.base_url] must be an http(s) URL",
            "malformed yaml|http:\\n  port: [1, 2|is not valid YAML at line",
            "duplicate key|market: sim\\nmarket: binance|is not valid YAML",
            "list as root|- a\\n- b|must hold a map of sections, not a single array value",
            "cross-key rule|plugins:\\n  funding:\\n    bullish_threshold_pct: 0.2|config section [plugins.funding]: [bullish_threshold_pct] must be below [extreme_threshold_pct]"})
    void eachClassOfMistakeIsRejectedNamingTheKey(String what, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("test.yaml");
    }

    @Test
    void secretsNeverAppearInErrorsOrToString() {
        assertThatThrownBy(() -> parse("api:\n  token: [not, a, string]\n"))
                .hasMessageContaining("config key [api.token]")
                .hasMessageNotContaining("not, a, string");
        PlatformConfig c = parse("binance:\n  api_key: KEY-123\n  api_secret: SECRET-456\napi:\n  token: TOKEN-789-abcdefgh\n");
        assertThat(c.toString()).doesNotContain("KEY-123", "SECRET-456", "TOKEN-789");
        assertThat(c.binance().hasCredentials()).isTrue();
    }

    @Test
    void sectionsOfPluginsThatAreNotInstalledAreKeptForLaterWithAWarning() {
        PlatformConfig c = parse("plugins:\n  third-party:\n    enabled: false\n    anything: 3\n");
        assertThat(c.pendingPlugins()).containsKey("third-party");
        assertThat(c.warnings()).singleElement().asString().contains("plugins.third-party");
        assertThatThrownBy(() -> ConfigLoader.pluginSettings(FILE, "third-party",
                PluginSchema.of(List.of(ParamSpec.integer("other", 1))), c.pendingPlugins().get("third-party")))
                .hasMessageContaining("unknown config key [plugins.third-party.anything]");
    }

    /** The shipped file must load as is and document every platform key (a key missing there is undocumented). */
    @Test
    void shippedConfigFileLoadsAndDocumentsEveryKey() throws Exception {
        Path shipped = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "config", "market-intel.yaml");
        if (!Files.exists(shipped)) {
            shipped = Path.of("..", "config", "market-intel.yaml");
        }
        PlatformConfig c = new ConfigLoader(Map.of(), Map.of()).load(shipped);
        assertThat(c.market()).isEqualTo("sim");
        String text = Files.readString(shipped);
        for (String key : ConfigSchema.KEYS.keySet()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(leaf) + ":").matcher(text);
            assertThat(m.find()).as("config/market-intel.yaml documents [%s]", key).isTrue();
        }
    }

    /** Every cached data kind has its TTL key, with the cache's own default. */
    @Test
    void cacheKeysMatchTheCachesDataKinds() {
        PlatformConfig c = parse("");
        var defaults = io.marketintel.runtime.market.cache.CacheTtls.defaults();
        for (var kind : io.marketintel.runtime.market.cache.DataKind.values()) {
            assertThat(c.cacheTtls()).as(kind.key()).containsEntry(kind.key(), defaults.ttl(kind));
        }
        assertThat(c.cacheTtls()).hasSize(io.marketintel.runtime.market.cache.DataKind.values().length);
    }

    @Test
    void binanceNetworkPicksTheBaseUrlUnlessOneIsGiven() {
        assertThat(parse("").binance().baseUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(parse("binance:\n  network: testnet\n").binance().baseUrl()).isEqualTo("https://demo-fapi.binance.com");
        assertThat(parse("binance:\n  network: testnet\n", Map.of("MI_BINANCE_BASE_URL", "http://127.0.0.1:18181/"))
                .binance().baseUrl()).isEqualTo("http://127.0.0.1:18181");
    }
}
