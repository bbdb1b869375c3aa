package io.marketintel.runtime.market.sim;

import io.marketintel.api.trading.MarginType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The mutable state of one paper position (one-way mode); guarded by the {@link PaperExchange}'s lock.
 * The entry is kept as its exact cost (Σ quantity × price of the open size), so a full close realises
 * exactly {@code Σ exit − Σ entry}.
 */
final class PaperPosition {
    private static final MathContext MC = MathContext.DECIMAL128;

    final String symbol;
    /** Signed size: positive long, negative short. */
    BigDecimal qty = BigDecimal.ZERO;
    /** Entry cost of the open size, quote asset. */
    BigDecimal cost = BigDecimal.ZERO;
    /** Margin set aside for an isolated position. */
    BigDecimal isolatedWallet = BigDecimal.ZERO;
    MarginType marginType;
    long updateTime;

    PaperPosition(String symbol, MarginType marginType) {
        this.symbol = symbol;
        this.marginType = marginType;
    }

    int side() {
        return qty.signum();
    }

    BigDecimal entryPrice() {
        return qty.signum() == 0 ? BigDecimal.ZERO : cost.divide(qty.abs(), 8, RoundingMode.HALF_UP);
    }

    double entryPriceDouble() {
        return qty.signum() == 0 ? 0 : cost.divide(qty.abs(), MC).doubleValue();
    }

    /** Unrealised PnL at {@code mark}. */
    BigDecimal unrealized(BigDecimal mark) {
        BigDecimal value = qty.abs().multiply(mark);
        return qty.signum() >= 0 ? value.subtract(cost) : cost.subtract(value);
    }

    /**
     * Applies a fill of signed quantity {@code signedQty} at {@code price}.
     *
     * @param marginPerUnitNotional 1 / leverage, for the isolated margin of an increase
     * @return the realised PnL (zero for an increase)
     */
    BigDecimal apply(BigDecimal signedQty, BigDecimal price, BigDecimal marginPerUnitNotional, long time) {
        updateTime = time;
        BigDecimal realised = BigDecimal.ZERO;
        BigDecimal rest = signedQty;
        if (qty.signum() != 0 && qty.signum() != signedQty.signum()) {
            BigDecimal open = qty.abs();
            BigDecimal closing = signedQty.abs().min(open);
            boolean all = closing.compareTo(open) == 0;
            BigDecimal released = all ? cost : cost.multiply(closing).divide(open, MC);
            BigDecimal proceeds = closing.multiply(price);
            realised = qty.signum() > 0 ? proceeds.subtract(released) : released.subtract(proceeds);
            BigDecimal marginReleased = all ? isolatedWallet : isolatedWallet.multiply(closing).divide(open, MC);
            isolatedWallet = isolatedWallet.subtract(marginReleased);
            cost = cost.subtract(released);
            qty = qty.add(closing.multiply(BigDecimal.valueOf(signedQty.signum())));
            rest = signedQty.subtract(closing.multiply(BigDecimal.valueOf(signedQty.signum())));
            if (qty.signum() == 0) {
                cost = BigDecimal.ZERO;
                isolatedWallet = BigDecimal.ZERO;
            }
        }
        if (rest.signum() != 0) {
            BigDecimal notional = rest.abs().multiply(price);
            qty = qty.add(rest);
            cost = cost.add(notional);
            if (marginType == MarginType.ISOLATED) {
                isolatedWallet = isolatedWallet.add(notional.multiply(marginPerUnitNotional, MC));
            }
        }
        return realised;
    }
}
