package io.marketintel.runtime.market.sim;

import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.SymbolInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One simulated symbol: its exchange filters, leverage brackets and the parameters of its price,
 * volume, book and derivatives model.
 *
 * @param key                  stable key of the symbol's random streams
 * @param info                 exchange-info entry (filters)
 * @param anchorPrice          price the log price mean-reverts to
 * @param hourlyVolatility     base hourly log-return volatility
 * @param marketLoading        loading on the common market factor, in (0, 1)
 * @param followMarket         probability that a regime block copies the market-wide regime
 * @param dailyQuoteVolume     typical daily quote volume, USDT
 * @param avgTradeNotional     average trade size, USDT
 * @param fundingIntervalHours funding interval, hours
 * @param baseOpenInterest     typical open interest, base asset
 * @param levelNotional        average order-book level size, USDT
 * @param levelGapTicks        average distance between occupied book levels, ticks (≥ 1)
 * @param spreadExtraTicks     average spread beyond one tick, ticks
 * @param brackets             leverage brackets, bracket 1 first
 */
record SymbolSpec(
        long key,
        SymbolInfo info,
        double anchorPrice,
        double hourlyVolatility,
        double marketLoading,
        double followMarket,
        double dailyQuoteVolume,
        double avgTradeNotional,
        int fundingIntervalHours,
        double baseOpenInterest,
        double levelNotional,
        double levelGapTicks,
        double spreadExtraTicks,
        List<LeverageBracket> brackets) {

    SymbolSpec {
        Objects.requireNonNull(info, "info");
        if (!(marketLoading > 0 && marketLoading < 1)) {
            throw new IllegalArgumentException("marketLoading of " + info.symbol() + " must be within (0, 1)");
        }
        if (levelGapTicks < 1) {
            throw new IllegalArgumentException("levelGapTicks of " + info.symbol() + " must be at least 1");
        }
        brackets = List.copyOf(brackets);
    }

    String symbol() {
        return info.symbol();
    }

    /** Ticks per unit of price (1 / tickSize), an integer for every listed symbol. */
    double ticksPerUnit() {
        return BigDecimal.ONE.divide(info.tickSize()).doubleValue();
    }

    /** Steps per unit of quantity (1 / stepSize). */
    double stepsPerUnit() {
        return BigDecimal.ONE.divide(info.stepSize()).doubleValue();
    }

    /** Funding interval in milliseconds. */
    long fundingIntervalMillis() {
        return fundingIntervalHours * 3_600_000L;
    }
}
