package io.marketintel.plugin.funding.internal;

import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.TakerVolumeRatio;
import java.util.List;
import java.util.Objects;

/**
 * Everything the sentiment analysis reads, fetched by {@link FundingPlugin} in parallel. Series are
 * oldest first, as {@link io.marketintel.api.market.MarketData} answers them; any series may be empty
 * (new listings, markets without statistics), in which case the signals that need it are skipped.
 *
 * @param symbol          symbol
 * @param premiumIndex    mark price and the latest funding rate
 * @param fundingHistory  settled fundings, for the interval
 * @param openInterest    current open interest
 * @param oiHistory       open interest history over the window
 * @param globalRatio     global long/short account ratio (retail)
 * @param topPosition     top-trader long/short position ratio (smart money)
 * @param takerRatio      taker buy/sell volume ratio over the window
 */
public record SentimentInputs(
        String symbol,
        PremiumIndex premiumIndex,
        List<FundingRate> fundingHistory,
        OpenInterest openInterest,
        List<OpenInterestPoint> oiHistory,
        List<LongShortRatio> globalRatio,
        List<LongShortRatio> topPosition,
        List<TakerVolumeRatio> takerRatio) {

    public SentimentInputs {
        Objects.requireNonNull(symbol, "property [symbol] is missing for the sentiment inputs");
        Objects.requireNonNull(premiumIndex, () -> "property [premiumIndex] is missing for [" + symbol + "]");
        fundingHistory = fundingHistory == null ? List.of() : List.copyOf(fundingHistory);
        oiHistory = oiHistory == null ? List.of() : List.copyOf(oiHistory);
        globalRatio = globalRatio == null ? List.of() : List.copyOf(globalRatio);
        topPosition = topPosition == null ? List.of() : List.copyOf(topPosition);
        takerRatio = takerRatio == null ? List.of() : List.copyOf(takerRatio);
    }
}
