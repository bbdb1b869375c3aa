package io.marketintel.runtime.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.runtime.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamBinderTest {

    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("num_levels", 5).range(1, 50),
            ParamSpec.decimal("min_funding", 0.1).range(0, 10),
            ParamSpec.bool("dry_run", true),
            ParamSpec.enumeration("period", "1d", List.of("1m", "1h", "1d")),
            ParamSpec.symbolList("candidates").range(1, 3),
            ParamSpec.symbol("pair1").require());

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Params bind(Map<String, JsonNode> raw) {
        Map<String, JsonNode> withRequired = new LinkedHashMap<>(raw);
        withRequired.putIfAbsent("pair1", TextNode.valueOf("BTCUSDT"));
        return ParamBinder.bindAll(SPECS, withRequired, ParamBinder.Label.parameter());
    }

    @Test
    void absentValuesTakeTheirDefaultsAndOptionalOnesStayAbsent() {
        Params p = bind(Map.of());
        assertThat(p.integer("num_levels")).isEqualTo(5);
        assertThat(p.decimal("min_funding")).isEqualTo(0.1);
        assertThat(p.bool("dry_run")).isTrue();
        assertThat(p.string("period")).isEqualTo("1d");
        assertThat(p.has("candidates")).isFalse();
    }

    @Test
    void textFromQueryStringsIsParsedIntoTypes() {
        Params p = bind(Map.of("num_levels", TextNode.valueOf("12"), "min_funding", TextNode.valueOf("0.25"),
                "dry_run", TextNode.valueOf("FALSE"), "period", TextNode.valueOf("1H"),
                "candidates", TextNode.valueOf("ethusdt, BNBUSDT"), "pair1", TextNode.valueOf("solusdt")));
        assertThat(p.integer("num_levels")).isEqualTo(12);
        assertThat(p.decimal("min_funding")).isEqualTo(0.25);
        assertThat(p.bool("dry_run")).isFalse();
        assertThat(p.string("period")).as("declared spelling is delivered").isEqualTo("1h");
        assertThat(p.list("candidates")).containsExactly("ETHUSDT", "BNBUSDT");
        assertThat(p.string("pair1")).isEqualTo("SOLUSDT");
    }

    @Test
    void jsonValuesBindStrictlyButAcceptNumbersInStrings() {
        Params p = bind(Map.of("num_levels", json("7"), "min_funding", json("\"1.5\""), "dry_run", json("true"),
                "candidates", json("[\"ETHUSDT\"]")));
        assertThat(p.integer("num_levels")).isEqualTo(7);
        assertThat(p.decimal("min_funding")).isEqualTo(1.5);
        assertThat(p.list("candidates")).containsExactly("ETHUSDT");
    }

    @Test
    void enumMatchingPrefersTheExactSpellingWhenTwoValuesDifferOnlyByCase() {
        ParamSpec spec = ParamSpec.enumeration("interval", "1m", List.of("1m", "1M"));
        assertThat(ParamBinder.bind(spec, TextNode.valueOf("1M"), ParamBinder.Label.parameter(), false)).isEqualTo("1M");
        assertThat(ParamBinder.bind(spec, TextNode.valueOf("1m"), ParamBinder.Label.parameter(), false)).isEqualTo("1m");
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "num_levels|\"abc\"|parameter [num_levels] must be a whole number, was \"abc\"",
            "num_levels|2.5|parameter [num_levels] must be a whole number, was 2.5",
            "num_levels|0|parameter [num_levels] must be within [1, 50], was 0",
            "num_levels|51|parameter [num_levels] must be within [1, 50], was 51",
            "min_funding|\"NaN\"|parameter [min_funding] must be a finite number, was \"NaN\"",
            "min_funding|-0.01|parameter [min_funding] must be within [0, 10], was -0.01",
            "dry_run|\"yes\"|parameter [dry_run] must be true or false, was \"yes\"",
            "period|\"2d\"|parameter [period] must be one of [1m, 1h, 1d], was \"2d\"",
            "candidates|\"A,B,C,D\"|parameter [candidates] must be a symbol such as BTCUSDT, was \"A\"",
            "candidates|\"ETHUSDT,ETHUSDT\"|parameter [candidates] lists ETHUSDT twice",
            "candidates|\"ETHUSDT,,BNBUSDT\"|parameter [candidates] contains an empty item, was \"ETHUSDT,,BNBUSDT\"",
            "candidates|[\"AAAA\",\"BBBB\",\"CCCC\",\"DDDD\"]|parameter [candidates] must have between [1, 3] items, was 4 items",
            "pair1|\"BTC-USDT\"|parameter [pair1] must be a symbol such as BTCUSDT, was \"BTC-USDT\"",
            "bogus|1|parameter [bogus] is not known; known: num_levels, min_funding, dry_run, period, candidates, pair1"})
    void badValuesAreRefusedWithAMessageNamingTheParameter(String name, String rawJson, String message) {
        assertThatThrownBy(() -> bind(Map.of(name, json(rawJson))))
                .isInstanceOf(BindingException.class)
                .hasMessage(message)
                .extracting(e -> ((BindingException) e).name()).isEqualTo(name);
    }

    @Test
    void missingRequiredValueIsNamed() {
        assertThatThrownBy(() -> ParamBinder.bindAll(SPECS, Map.of(), ParamBinder.Label.parameter()))
                .hasMessage("parameter [pair1] is required");
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        ParamSpec spec = ParamSpec.integer("token", 1);
        assertThatThrownBy(() -> ParamBinder.bind(spec, TextNode.valueOf("s3cr3t-value"),
                ParamBinder.Label.configKey("api."), true))
                .hasMessage("config key [api.token] must be a whole number, was \"****\"")
                .hasMessageNotContaining("s3cr3t");
    }
}
