package io.marketintel.plugin.liquidations.internal;

import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.SymbolInfo;
import java.util.List;
import java.util.Objects;

/**
 * What the plugin fetched for one heatmap, as the market answered it.
 *
 * @param symbol       symbol
 * @param symbolInfo   the symbol's exchange info (tick size)
 * @param premiumIndex mark price
 * @param openInterest current open interest, or null
 * @param oiHistory    open interest history, {@code oi_points + 1} points of {@code oi_period}
 * @param klines       klines of the same period covering the history and the current period
 * @param topPosition  top-trader position ratio (newest point), may be empty
 * @param globalAccount global account ratio (newest point), may be empty
 * @param brackets     maintenance margin brackets
 */
public record MarketInputs(
        String symbol,
        SymbolInfo symbolInfo,
        PremiumIndex premiumIndex,
        OpenInterest openInterest,
        List<OpenInterestPoint> oiHistory,
        List<Kline> klines,
        List<LongShortRatio> topPosition,
        List<LongShortRatio> globalAccount,
        List<LeverageBracket> brackets) {

    public MarketInputs {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(symbolInfo, "symbolInfo");
        Objects.requireNonNull(premiumIndex, "premiumIndex");
        oiHistory = oiHistory == null ? List.of() : List.copyOf(oiHistory);
        klines = klines == null ? List.of() : List.copyOf(klines);
        topPosition = topPosition == null ? List.of() : List.copyOf(topPosition);
        globalAccount = globalAccount == null ? List.of() : List.copyOf(globalAccount);
        brackets = brackets == null ? List.of() : List.copyOf(brackets);
    }
}
