package io.marketintel.plugin.meta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prior decision tree: one row per condition, the specification's two rows verbatim. */
class PriorTreeTest {

    @ParameterizedTest(name = "{0} -> {1} / {2} / {3} / {4} at {5}")
    @CsvSource({
            "STRONG_UPTREND,   pyramid, smart,        AGGRESSIVE,   ICEBERG,  85",
            "STRONG_DOWNTREND, pyramid, smart,        AGGRESSIVE,   ICEBERG,  85",
            "MILD_UPTREND,     static,  dynamic,      ADAPTIVE,     LIMIT,    70",
            "MILD_DOWNTREND,   static,  dynamic,      ADAPTIVE,     LIMIT,    70",
            "RANGING,          dca,     breakeven,    CONSERVATIVE, ADAPTIVE, 60",
            "HIGH_VOLATILITY,  sniper,  static,       CONSERVATIVE, TWAP,     50",
            "LOW_VOLATILITY,   static,  profit_based, ADAPTIVE,     MARKET,   55"})
    void rowOfEveryCondition(MarketCondition c, String execution, String trailing, String tp, String routing,
                             int confidence) {
        Arm arm = PriorTree.row(c).arm();
        assertThat(arm.execution().wire()).isEqualTo(execution);
        assertThat(arm.trailing().wire()).isEqualTo(trailing);
        assertThat(arm.tp().wire()).isEqualTo(tp);
        assertThat(arm.routing().wire()).isEqualTo(routing);
        assertThat(PriorTree.confidence(c, MetaSettings.defaults())).isEqualTo(confidence);
        assertThat(Arm.ALL).contains(arm);
    }

    @Test
    void theSpecificationsStrongUptrendReasons() {
        assertThat(PriorTree.row(MarketCondition.STRONG_UPTREND).reasons()).containsExactly(
                "Strong trend with high confluence - pyramid into position",
                "Strong trend - smart trailing to maximize profit",
                "Strong trend - wider TP targets",
                "Pyramid mode - hide full order size");
    }

    @Test
    void confidencesComeFromConfiguration() {
        FakePluginContext ctx = new FakePluginContext(new MetaPlugin().descriptor(), MetaSettings.defaultParams(),
                new FakeMarketData());
        ctx.configure(Map.of(MetaSettings.CONFIDENCE_RANGING, 42L));
        assertThat(PriorTree.confidence(MarketCondition.RANGING, MetaSettings.from(ctx.config()))).isEqualTo(42);
    }

    @Test
    void armIdsAreStableAndUnique() {
        assertThat(Arm.ALL).extracting(Arm::id).containsExactly(
                "pyramid.smart.aggressive.iceberg",
                "static.dynamic.adaptive.limit",
                "dca.breakeven.conservative.adaptive",
                "sniper.static.conservative.twap",
                "static.profit_based.adaptive.market",
                "static.disabled.aggressive.market");
    }
}
