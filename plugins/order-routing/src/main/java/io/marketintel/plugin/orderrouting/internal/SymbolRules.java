package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exchange filters of one symbol as an execution applies them: quantities rounded down to the step size, prices to
 * the tick size (a resting buy rounds down, a resting sell up, so neither crosses by rounding), and the LOT_SIZE /
 * MARKET_LOT_SIZE minimum and maximum quantity and MIN_NOTIONAL checks. Refusals are {@code INVALID_PARAMETER}s whose
 * message names the rule, the value and the symbol, e.g. {@code quantity 0.0004 is below LOT_SIZE minQty 0.001 for
 * BTCUSDT}.
 */
final class SymbolRules {

    private static final MathContext MC = MathContext.DECIMAL64;

    private final SymbolInfo info;

    SymbolRules(SymbolInfo info) {
        this.info = info;
    }

    SymbolInfo info() {
        return info;
    }

    String symbol() {
        return info.symbol();
    }

    /**
     * The quantity filter of an order type.
     *
     * @param rule   {@code LOT_SIZE} (limit orders) or {@code MARKET_LOT_SIZE} (market orders)
     * @param step   step size
     * @param minQty minimum quantity
     * @param maxQty maximum quantity, null when the exchange gives none
     */
    record Lot(String rule, BigDecimal step, BigDecimal minQty, BigDecimal maxQty) {
    }

    /** LOT_SIZE for limit orders, MARKET_LOT_SIZE for market orders (LOT_SIZE's values where it gives none). */
    Lot lot(boolean market) {
        if (market && info.marketStepSize() != null) {
            return new Lot("MARKET_LOT_SIZE", info.marketStepSize(), orZero(info.marketMinQty()), info.marketMaxQty());
        }
        return new Lot("LOT_SIZE", info.stepSize(), orZero(info.minQty()), info.maxQty());
    }

    /** MIN_NOTIONAL, zero when the exchange gives none. */
    BigDecimal minNotional() {
        return orZero(info.minNotional());
    }

    /** {@code quantity} rounded down to a multiple of the step size of {@code lot}. */
    static BigDecimal roundDown(BigDecimal quantity, Lot lot) {
        return strip(SymbolInfo.roundTo(quantity, lot.step(), RoundingMode.DOWN));
    }

    /**
     * The passive price at {@code touch} for a resting order: a buy rounds down to the tick, a sell up, so rounding
     * never makes it cross.
     */
    BigDecimal passivePrice(Side side, double touch) {
        return strip(info.roundPrice(BigDecimal.valueOf(touch), side == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP));
    }

    /** Whether an order of {@code quantity} at {@code price} passes minQty and MIN_NOTIONAL. */
    boolean sendable(BigDecimal quantity, double price, Lot lot) {
        return quantity.signum() > 0 && quantity.compareTo(lot.minQty()) >= 0
                && quantity.multiply(BigDecimal.valueOf(price)).compareTo(minNotional()) >= 0;
    }

    /** The smallest quantity that passes minQty and MIN_NOTIONAL at {@code price}: both rounded up to the step. */
    BigDecimal minimumQuantity(double price, Lot lot) {
        BigDecimal byNotional = price > 0 ? minNotional().divide(BigDecimal.valueOf(price), MC) : BigDecimal.ZERO;
        BigDecimal min = lot.minQty().max(byNotional);
        return strip(SymbolInfo.roundTo(min, lot.step(), RoundingMode.UP)).max(lot.minQty());
    }

    /**
     * Checks a whole order before anything is planned and answers its quantity rounded down to the step.
     *
     * @param requested the quantity asked for
     * @param lot       the quantity filter of the orders the algorithm sends
     * @param price     the price the notional is judged at (the arrival mid)
     * @param single    whether the algorithm sends it as one order (maxQty applies to the whole)
     * @throws IntelException {@code INVALID_PARAMETER} naming the rule when even the whole order cannot be valid
     */
    BigDecimal checkTotal(BigDecimal requested, Lot lot, double price, boolean single) {
        if (!info.trading()) {
            throw new IntelException(ErrorCode.CONFLICT, "symbol " + symbol() + " is not trading (status "
                    + info.status() + ")", Map.of("symbol", symbol(), "status", String.valueOf(info.status())));
        }
        Lot limitLot = lot(false);
        if (requested.compareTo(limitLot.minQty()) < 0) {
            throw refusal("LOT_SIZE", "quantity " + plain(requested) + " is below LOT_SIZE minQty "
                    + plain(limitLot.minQty()) + " for " + symbol(), requested, "min_qty", limitLot.minQty());
        }
        if (requested.compareTo(lot.minQty()) < 0) {
            throw refusal(lot.rule(), "quantity " + plain(requested) + " is below " + lot.rule() + " minQty "
                    + plain(lot.minQty()) + " for " + symbol(), requested, "min_qty", lot.minQty());
        }
        BigDecimal total = roundDown(requested, lot);
        if (total.compareTo(lot.minQty()) < 0 || total.signum() <= 0) {
            throw refusal(lot.rule(), "quantity " + plain(requested) + " rounded down to " + lot.rule() + " stepSize "
                    + plain(lot.step()) + " is " + plain(total) + ", below minQty " + plain(lot.minQty()) + " for "
                    + symbol(), requested, "step_size", lot.step());
        }
        if (single && lot.maxQty() != null && total.compareTo(lot.maxQty()) > 0) {
            throw refusal(lot.rule(), "quantity " + plain(total) + " is above " + lot.rule() + " maxQty "
                    + plain(lot.maxQty()) + " for " + symbol() + " (one order); use TWAP or ICEBERG", total, "max_qty",
                    lot.maxQty());
        }
        BigDecimal px = BigDecimal.valueOf(price);
        BigDecimal notional = total.multiply(px);
        if (notional.compareTo(minNotional()) < 0) {
            throw refusal("MIN_NOTIONAL", "notional " + plain(notional.setScale(8, RoundingMode.HALF_UP))
                    + " (quantity " + plain(total) + " x price " + plain(px) + ") is below MIN_NOTIONAL "
                    + plain(minNotional()) + " for " + symbol(), total, "min_notional", minNotional());
        }
        return total;
    }

    private IntelException refusal(String rule, String message, BigDecimal value, String limitName, BigDecimal limit) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parameter", "quantity");
        details.put("rule", rule);
        details.put("symbol", symbol());
        details.put("value", plain(value));
        details.put(limitName, plain(limit));
        return new IntelException(ErrorCode.INVALID_PARAMETER, message, details);
    }

    /** {@code value} without trailing zeros, never in exponent notation. */
    static String plain(BigDecimal value) {
        return value == null ? "null" : strip(value).toPlainString();
    }

    /** {@code value} without trailing zeros (and {@code 0} for any zero). */
    static BigDecimal strip(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
