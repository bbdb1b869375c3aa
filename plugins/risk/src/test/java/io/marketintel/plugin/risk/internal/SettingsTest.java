package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration: defaults, the cross-key rules checkConfig applies, and the sector map. */
class SettingsTest {

    private final RiskPlugin plugin = new RiskPlugin(ctx -> new InMemoryPlanStore());

    private static Params with(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(RiskSettings.defaultParams().asMap());
        values.putAll(overrides);
        return Params.of(values);
    }

    @Test
    void defaults() {
        RiskSettings s = RiskSettings.defaults();
        assertThat(s.maxPortfolioHeat()).isEqualTo(70);
        assertThat(s.maxPositionRisk()).isEqualTo(75);
        assertThat(s.closePositionRisk()).isEqualTo(90);
        assertThat(s.maxSectorConcentrationPct()).isEqualTo(50);
        assertThat(s.maxAvgLeverage()).isEqualTo(3);
        assertThat(s.targetLeverage()).isEqualTo(3);
        assertThat(s.reducePct()).isEqualTo(50);
        assertThat(s.hedgeFractionPct()).isEqualTo(50);
        assertThat(s.correlationPeriod()).isEqualTo(Interval.H1);
        assertThat(s.correlationLookback()).isEqualTo(100);
        assertThat(s.minObservations()).isEqualTo(20);
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.hedgeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.hedgeCandidates()).hasSize(10).contains("BTCUSDT", "ETHUSDT");
        plugin.checkConfig(RiskSettings.defaultParams());
    }

    @Test
    void theTargetLeverageIsTheFloorOfTheMaximumAverage() {
        assertThat(Harness.settings(Map.of(RiskSettings.MAX_AVG_LEVERAGE, 2.5)).targetLeverage()).isEqualTo(2);
        assertThat(Harness.settings(Map.of(RiskSettings.MAX_AVG_LEVERAGE, 1.0)).targetLeverage()).isEqualTo(1);
        assertThat(Harness.settings(Map.of(RiskSettings.MAX_AVG_LEVERAGE, 10.0)).targetLeverage()).isEqualTo(10);
    }

    @Test
    void closeBelowMaxPositionRiskIsRejectedNamingBothKeys() {
        assertThatThrownBy(() -> plugin.checkConfig(with(Map.of(RiskSettings.CLOSE_POSITION_RISK, 70.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration of plugin [risk] is inconsistent: [plugins.risk.close_position_risk] (70.0)"
                        + " must be at least [plugins.risk.max_position_risk] (75.0): a position is reduced before it"
                        + " is closed");
    }

    @Test
    void moreObservationsThanTheLookbackGivesIsRejected() {
        assertThatThrownBy(() -> plugin.checkConfig(with(Map.of(RiskSettings.CORRELATION_LOOKBACK, 20L))))
                .hasMessageContainingAll("[plugins.risk.min_observations] (20)", "[plugins.risk.correlation_lookback]"
                        + " (20) minus 1");
        plugin.checkConfig(with(Map.of(RiskSettings.CORRELATION_LOOKBACK, 21L)));
    }

    @Test
    void sectorKeysMustBeSymbolsAndValuesNames() {
        assertThatThrownBy(() -> plugin.checkConfig(with(Map.of(RiskSettings.SECTORS, Map.of("btc-usdt", "X")))))
                .hasMessageContaining("[plugins.risk.sectors] has the key [btc-usdt], which is not a symbol");
        assertThatThrownBy(() -> plugin.checkConfig(with(Map.of(RiskSettings.SECTORS, Map.of("BTCUSDT", " ")))))
                .hasMessageContaining("[plugins.risk.sectors.BTCUSDT] must be a sector name");
        plugin.checkConfig(with(Map.of(RiskSettings.SECTORS, Map.of("HYPEUSDT", "PERP DEX"))));
    }

    @Test
    void hedgeCandidatesMustBeSymbols() {
        assertThatThrownBy(() -> plugin.checkConfig(with(Map.of(RiskSettings.HEDGE_CANDIDATES, List.of("eth")))))
                .hasMessageContaining("[plugins.risk.hedge_candidates] has [eth], which is not a symbol");
    }

    @Test
    void theSectorMapIsTheBuiltInOneWithTheConfiguredEntriesOnTop() {
        Sectors s = Harness.settings(Map.of(RiskSettings.SECTORS, Map.of("BTCUSDT", "STORE_OF_VALUE",
                "HYPEUSDT", "PERP DEX"))).sectorMap();
        assertThat(s.sectorOf("BTCUSDT")).isEqualTo("STORE_OF_VALUE");
        assertThat(s.sectorOf("HYPEUSDT")).isEqualTo("PERP DEX");
        assertThat(s.sectorOf("ETHUSDT")).isEqualTo("LAYER1");
        assertThat(s.sectorOf("UNKNOWNUSDT")).isEqualTo("UNKNOWNUSDT");
        assertThat(s.mapped("UNKNOWNUSDT")).isFalse();
    }

    @Test
    void theBuiltInMapCoversTheMajors() {
        Sectors s = RiskSettings.defaults().sectorMap();
        assertThat(List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT", "LINKUSDT",
                "AVAXUSDT", "LTCUSDT")).allMatch(s::mapped);
        assertThat(s.sectorOf("SOLUSDT")).isEqualTo(s.sectorOf("ETHUSDT"));
        assertThat(s.sectorOf("BTCUSDT")).isEqualTo("BITCOIN");
        assertThat(s.sectorOf("DOGEUSDT")).isEqualTo("MEME");
    }
}
