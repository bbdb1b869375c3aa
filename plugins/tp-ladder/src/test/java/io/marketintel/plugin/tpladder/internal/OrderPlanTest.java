package io.marketintel.plugin.tpladder.internal;

import static io.marketintel.plugin.tpladder.internal.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.WorkingType;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deterministic client algo ids and the orders of a ladder. */
class OrderPlanTest {

    @Test
    void theIdNamesThePositionAndTheLadderAskedFor() {
        String id = OrderPlan.ladderId("BTCUSDT", PositionSide.LONG, bd("43250"), bd("1"), 3, Strategy.ADAPTIVE);
        assertThat(id).matches("tpl-[0-9a-f]{12}");
        // the same decimals written differently are the same position
        assertThat(OrderPlan.ladderId("BTCUSDT", PositionSide.LONG, bd("43250.00"), bd("1.000"), 3, Strategy.ADAPTIVE))
                .isEqualTo(id);
        // anything else is another ladder
        Set<String> others = Set.of(
                OrderPlan.ladderId("ETHUSDT", PositionSide.LONG, bd("43250"), bd("1"), 3, Strategy.ADAPTIVE),
                OrderPlan.ladderId("BTCUSDT", PositionSide.SHORT, bd("43250"), bd("1"), 3, Strategy.ADAPTIVE),
                OrderPlan.ladderId("BTCUSDT", PositionSide.LONG, bd("43251"), bd("1"), 3, Strategy.ADAPTIVE),
                OrderPlan.ladderId("BTCUSDT", PositionSide.LONG, bd("43250"), bd("2"), 3, Strategy.ADAPTIVE),
                OrderPlan.ladderId("BTCUSDT", PositionSide.LONG, bd("43250"), bd("1"), 4, Strategy.ADAPTIVE),
                OrderPlan.ladderId("BTCUSDT", PositionSide.LONG, bd("43250"), bd("1"), 3, Strategy.AGGRESSIVE),
                OrderPlan.ladderId("BTCUSDT", PositionSide.LONG, bd("43250"), bd("1"), 3, null));
        assertThat(others).hasSize(7).doesNotContain(id);
        // a fixed value: the id must not change between releases, or retries after an upgrade would double ladders
        assertThat(id).isEqualTo(OrderPlan.PREFIX + java.util.HexFormat.of().formatHex(sha256(
                "BTCUSDT|LONG|43250|1|3|ADAPTIVE"), 0, 6));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oneReduceOnlyTakeProfitMarketPerLevel() {
        Ladder l = LadderBuilder.build(new LadderBuilder.Request("BTCUSDT", PositionSide.SHORT, bd("43250"), bd("1.000"),
                        5, 3, Strategy.ADAPTIVE), Fixtures.btc(), Fixtures.analysis(MarketRegime.TRENDING, 210), Double.NaN,
                WorkingType.CONTRACT_PRICE, LadderSettings.defaults(), "fake");
        LadderSettings s = LadderSettings.with(Map.of("working_type", "CONTRACT_PRICE", "price_protect", true));
        var orders = OrderPlan.orders(l, "tpl-abc", s);
        assertThat(orders).containsExactly(
                new ConditionalOrderRequest("BTCUSDT", Side.BUY, ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.250"),
                        bd("42935.0"), null, null, WorkingType.CONTRACT_PRICE, true, false, true, null, null, "tpl-abc-1"),
                new ConditionalOrderRequest("BTCUSDT", Side.BUY, ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.350"),
                        bd("42620.0"), null, null, WorkingType.CONTRACT_PRICE, true, false, true, null, null, "tpl-abc-2"),
                new ConditionalOrderRequest("BTCUSDT", Side.BUY, ConditionalOrderType.TAKE_PROFIT_MARKET, bd("0.400"),
                        bd("42200.0"), null, null, WorkingType.CONTRACT_PRICE, true, false, true, null, null, "tpl-abc-3"));
    }
}
