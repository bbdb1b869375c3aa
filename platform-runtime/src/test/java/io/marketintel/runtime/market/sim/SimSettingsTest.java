package io.marketintel.runtime.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimSettingsTest {

    @Test
    void defaultsStartOnMondayTheFirstOf2024() {
        SimSettings s = SimSettings.defaults();
        assertThat(s.genesis()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(s.volatilityScale()).isEqualTo(1.0);
        assertThat(s.regimeBlockHours()).isEqualTo(8);
        assertThat(s.withSeed(7).seed()).isEqualTo(7);
    }

    @Test
    void refusalsNameTheSetting() {
        Instant g = SimSettings.DEFAULT_GENESIS;
        assertThatThrownBy(() -> new SimSettings(1, null, 1, 8)).hasMessageContaining("[genesis]");
        assertThatThrownBy(() -> new SimSettings(1, g.plusSeconds(60), 1, 8))
                .hasMessageContaining("[genesis]").hasMessageContaining("whole UTC hour");
        assertThatThrownBy(() -> new SimSettings(1, g, 0, 8)).hasMessageContaining("[volatilityScale]");
        assertThatThrownBy(() -> new SimSettings(1, g, Double.NaN, 8)).hasMessageContaining("[volatilityScale]");
        assertThatThrownBy(() -> new SimSettings(1, g, 1, 0)).hasMessageContaining("[regimeBlockHours]");
        assertThatThrownBy(() -> new SimSettings(1, g, 1, 169)).hasMessageContaining("[regimeBlockHours]");
    }
}
