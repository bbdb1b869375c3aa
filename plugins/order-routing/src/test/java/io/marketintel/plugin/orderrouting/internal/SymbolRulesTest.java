package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rounding to tick and step, and refusals that name the rule. */
class SymbolRulesTest {

    private static final SymbolRules BTC = new SymbolRules(Fixtures.btc());

    @ParameterizedTest(name = "{0} rounds down to {1}")
    @CsvSource({"1.2345, 1.234", "1.5, 1.5", "0.0019, 0.001", "2, 2", "0.00099, 0"})
    void quantitiesRoundDownToTheStep(String in, String out) {
        assertThat(SymbolRules.roundDown(new BigDecimal(in), BTC.lot(true))).isEqualByComparingTo(out);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({"BUY, 60000.17, 60000.1", "SELL, 60000.17, 60000.2", "BUY, 60000.1, 60000.1", "SELL, 60000.1, 60000.1"})
    void restingPricesRoundToTheTickWithoutCrossing(Side side, double touch, String price) {
        assertThat(BTC.passivePrice(side, touch)).isEqualByComparingTo(price);
    }

    @Test
    void belowMinQtyIsRefusedNamingLotSize() {
        assertThatThrownBy(() -> BTC.checkTotal(new BigDecimal("0.0004"), BTC.lot(true), 60_000, false))
                .isInstanceOfSatisfying(IntelException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).isEqualTo("quantity 0.0004 is below LOT_SIZE minQty 0.001 for BTCUSDT");
                    assertThat(e.details()).containsEntry("rule", "LOT_SIZE").containsEntry("parameter", "quantity")
                            .containsEntry("min_qty", "0.001");
                });
    }

    @Test
    void aTotalBelowMinNotionalIsRefusedNamingIt() {
        // 0.001 × 60000 = 60 < 100
        assertThatThrownBy(() -> BTC.checkTotal(new BigDecimal("0.001"), BTC.lot(true), 60_000, false))
                .isInstanceOfSatisfying(IntelException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("notional 60 (quantity 0.001 x price 60000) is below"
                            + " MIN_NOTIONAL 100 for BTCUSDT");
                    assertThat(e.details()).containsEntry("rule", "MIN_NOTIONAL");
                });
    }

    @Test
    void oneOrderAboveMaxQtyIsRefusedNamingIt() {
        assertThatThrownBy(() -> BTC.checkTotal(new BigDecimal("1500"), BTC.lot(false), 60_000, true))
                .hasMessage("quantity 1500 is above LOT_SIZE maxQty 1000 for BTCUSDT (one order); use TWAP or ICEBERG");
    }

    @Test
    void aValidTotalComesBackRoundedDown() {
        assertThat(BTC.checkTotal(new BigDecimal("1.23456"), BTC.lot(true), 60_000, false)).isEqualByComparingTo("1.234");
    }

    @Test
    void minimumQuantityIsMinQtyOrMinNotionalRoundedUpToTheStep() {
        // 100 / 60000 = 0.001666… → 0.002
        assertThat(BTC.minimumQuantity(60_000, BTC.lot(true))).isEqualByComparingTo("0.002");
        // 100 / 200000 = 0.0005 < minQty 0.001
        assertThat(BTC.minimumQuantity(200_000, BTC.lot(true))).isEqualByComparingTo("0.001");
        assertThat(BTC.sendable(new BigDecimal("0.002"), 60_000, BTC.lot(true))).isTrue();
        assertThat(BTC.sendable(new BigDecimal("0.001"), 60_000, BTC.lot(true))).isFalse();
    }
}
