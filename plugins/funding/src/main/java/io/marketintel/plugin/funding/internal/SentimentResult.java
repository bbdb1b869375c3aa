package io.marketintel.plugin.funding.internal;

import io.marketintel.api.Bias;
import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/funding/sentiment/{symbol}}; the runtime serialises it to
 * snake_case JSON ({@code fundingRate} → {@code funding_rate}). Optional inputs the market could not
 * supply are null.
 *
 * @param symbol                 symbol
 * @param fundingRate            latest funding rate in percent ({@code 0.0285} means 0.0285 %)
 * @param fundingRateRaw         the same as Binance's fraction ({@code 0.000285})
 * @param annualizedRatePct      {@code fundingRate × 24 / fundingIntervalHours × 365}, percent
 * @param fundingIntervalHours   funding interval of the symbol, hours
 * @param fundingIntervalAssumed whether the interval is assumed (8h) because the history was too short
 * @param fundingIntervalNote    how the interval was obtained
 * @param nextFundingTime        next funding time, ms
 * @param markPrice              mark price
 * @param sentiment              sentiment class of the funding rate (upper-case constant)
 * @param bias                   directional call from the signals
 * @param confidence             0 … 100
 * @param reasoning              one sentence per signal (and per notable non-signal), citing the numbers
 * @param signals                the signals that fired
 * @param openInterest           current open interest, base asset
 * @param openInterestValue      open interest value at the end of the history, quote asset
 * @param oiChangePct            open interest change over the window, percent
 * @param oiTrend                RISING / FALLING / FLAT / UNKNOWN
 * @param oiWindow               span of the open interest history actually received, e.g. {@code 24h}
 * @param oiPeriod               period of the statistics series, e.g. {@code 1h}
 * @param globalLongPct          share of all accounts net long (retail), percent
 * @param topTraderLongPct       share of top traders' position size long (smart money), percent
 * @param longShortDivergencePts {@code topTraderLongPct - globalLongPct}, percentage points
 * @param takerBuySellRatio      latest taker buy/sell volume ratio
 * @param takerBuySellRatioAvg   mean taker buy/sell ratio over the window
 * @param extremeThresholdPct    the extreme threshold used, percent
 * @param bullishThresholdPct    the bullish threshold used, percent
 * @param dataTime               time of the newest input, ms
 * @param source                 market data source ({@code sim}, {@code binance}, {@code replay})
 */
public record SentimentResult(
        String symbol,
        double fundingRate,
        double fundingRateRaw,
        double annualizedRatePct,
        int fundingIntervalHours,
        boolean fundingIntervalAssumed,
        String fundingIntervalNote,
        long nextFundingTime,
        double markPrice,
        Sentiment sentiment,
        Bias bias,
        int confidence,
        List<String> reasoning,
        List<Signal> signals,
        Double openInterest,
        Double openInterestValue,
        Double oiChangePct,
        OiTrend oiTrend,
        String oiWindow,
        String oiPeriod,
        Double globalLongPct,
        Double topTraderLongPct,
        Double longShortDivergencePts,
        Double takerBuySellRatio,
        Double takerBuySellRatioAvg,
        double extremeThresholdPct,
        double bullishThresholdPct,
        long dataTime,
        String source) {

    public SentimentResult {
        reasoning = List.copyOf(reasoning);
        signals = List.copyOf(signals);
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within [0, 100], was " + confidence);
        }
    }
}
