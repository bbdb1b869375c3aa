package io.marketintel.api.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One symbol of exchange info with the filters orders must respect.
 *
 * @param symbol            symbol ({@code BTCUSDT})
 * @param pair              underlying pair
 * @param contractType      {@code PERPETUAL}, {@code CURRENT_QUARTER}, …
 * @param status            {@code TRADING} when tradable
 * @param baseAsset         base asset
 * @param quoteAsset        quote asset
 * @param marginAsset       margin asset
 * @param pricePrecision    price precision (display)
 * @param quantityPrecision quantity precision (display)
 * @param tickSize          PRICE_FILTER tick size
 * @param minPrice          PRICE_FILTER minimum price
 * @param maxPrice          PRICE_FILTER maximum price
 * @param stepSize          LOT_SIZE step size
 * @param minQty            LOT_SIZE minimum quantity
 * @param maxQty            LOT_SIZE maximum quantity
 * @param marketStepSize    MARKET_LOT_SIZE step size
 * @param marketMinQty      MARKET_LOT_SIZE minimum quantity
 * @param marketMaxQty      MARKET_LOT_SIZE maximum quantity
 * @param minNotional       MIN_NOTIONAL notional
 */
public record SymbolInfo(
        String symbol,
        String pair,
        String contractType,
        String status,
        String baseAsset,
        String quoteAsset,
        String marginAsset,
        int pricePrecision,
        int quantityPrecision,
        BigDecimal tickSize,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        BigDecimal stepSize,
        BigDecimal minQty,
        BigDecimal maxQty,
        BigDecimal marketStepSize,
        BigDecimal marketMinQty,
        BigDecimal marketMaxQty,
        BigDecimal minNotional) {

    public SymbolInfo {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(tickSize, () -> "tickSize of " + symbol);
        Objects.requireNonNull(stepSize, () -> "stepSize of " + symbol);
    }

    /** Whether the symbol trades. */
    public boolean trading() {
        return "TRADING".equals(status);
    }

    /** {@code price} rounded to a multiple of the tick size. */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        return roundTo(price, tickSize, mode);
    }

    /** {@code price} rounded to the nearest tick, as a double. */
    public double roundPrice(double price) {
        return roundPrice(BigDecimal.valueOf(price), RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code quantity} rounded down to a multiple of the step size. */
    public BigDecimal roundQuantity(BigDecimal quantity) {
        return roundTo(quantity, stepSize, RoundingMode.DOWN);
    }

    /** {@code value} rounded to a multiple of {@code increment}, scaled like the increment. */
    public static BigDecimal roundTo(BigDecimal value, BigDecimal increment, RoundingMode mode) {
        if (increment.signum() <= 0) {
            return value;
        }
        BigDecimal units = value.divide(increment, 0, mode);
        return units.multiply(increment).setScale(Math.max(0, increment.stripTrailingZeros().scale()),
                RoundingMode.UNNECESSARY);
    }
}
