package io.marketintel.api.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Conditional order requests are checked before anything is sent, naming the field. */
class ConditionalOrderRequestTest {

    private static final BigDecimal QTY = new BigDecimal("0.010");
    private static final BigDecimal PRICE = new BigDecimal("55000.0");

    private static ConditionalOrderRequest of(ConditionalOrderType type, BigDecimal qty, BigDecimal trigger,
                                              BigDecimal price, boolean close, BigDecimal callback) {
        return new ConditionalOrderRequest("BTCUSDT", Side.SELL, type, qty, trigger, price, null, null, false, close,
                false, null, callback, "c-1");
    }

    @Test
    void factoriesBuildValidRequests() {
        ConditionalOrderRequest stop = ConditionalOrderRequest.stopMarket("BTCUSDT", Side.SELL, QTY, PRICE, true, "sl");
        assertThat(stop.type()).isEqualTo(ConditionalOrderType.STOP_MARKET);
        assertThat(stop.workingType()).isEqualTo(WorkingType.MARK_PRICE);
        assertThat(ConditionalOrderRequest.closePositionStop("BTCUSDT", Side.SELL, PRICE, "c").closePosition()).isTrue();
        ConditionalOrderRequest limit = of(ConditionalOrderType.STOP, QTY, PRICE, PRICE, false, null);
        assertThat(limit.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(of(ConditionalOrderType.TRAILING_STOP_MARKET, QTY, null, null, false, new BigDecimal("1.5"))
                .callbackRate()).isEqualByComparingTo("1.5");
    }

    @Test
    void mistakesNameTheField() {
        assertThatThrownBy(() -> of(ConditionalOrderType.STOP_MARKET, QTY, null, null, false, null))
                .hasMessageContaining("[triggerPrice]");
        assertThatThrownBy(() -> of(ConditionalOrderType.STOP_MARKET, null, PRICE, null, false, null))
                .hasMessageContaining("[quantity]");
        assertThatThrownBy(() -> of(ConditionalOrderType.TAKE_PROFIT_MARKET, QTY, PRICE, null, true, null))
                .hasMessageContaining("[quantity]").hasMessageContaining("[closePosition]");
        assertThatThrownBy(() -> of(ConditionalOrderType.STOP, QTY, PRICE, null, false, null))
                .hasMessageContaining("[price]");
        assertThatThrownBy(() -> of(ConditionalOrderType.STOP_MARKET, QTY, PRICE, PRICE, false, null))
                .hasMessageContaining("[price]");
        assertThatThrownBy(() -> of(ConditionalOrderType.TRAILING_STOP_MARKET, QTY, null, null, false,
                new BigDecimal("11"))).hasMessageContaining("[callbackRate]");
        assertThatThrownBy(() -> of(ConditionalOrderType.STOP_MARKET, new BigDecimal("-1"), PRICE, null, false, null))
                .hasMessageContaining("[quantity]");
        assertThatThrownBy(() -> new ConditionalOrderRequest("BTCUSDT", Side.SELL, ConditionalOrderType.STOP_MARKET,
                QTY, PRICE, null, null, null, false, false, false, null, null, "not valid!"))
                .hasMessageContaining("[clientAlgoId]");
        assertThatThrownBy(() -> new ConditionalOrderRequest("BTCUSDT", Side.SELL, ConditionalOrderType.STOP, QTY,
                PRICE, PRICE, TimeInForce.GTX, null, false, false, false, null, null, "c"))
                .hasMessageContaining("[timeInForce]");
    }
}
