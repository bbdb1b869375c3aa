package io.marketintel.plugin.liquidations.internal;

import java.util.List;

/**
 * What the heatmap estimate was built from, echoed so a reader can judge it. Inputs the market could not
 * supply are null.
 *
 * @param openInterest        current open interest, base asset
 * @param openInterestValue   current open interest × mark price, quote asset
 * @param longPct             share of the modelled exposure assumed long, %
 * @param shortPct            share assumed short, % ({@code 100 − longPct})
 * @param topTraderLongPct    newest top-trader position ratio, long share %
 * @param globalLongPct       newest global account ratio, long share %
 * @param topPositionWeight   weight of the top-trader ratio in the split (configured)
 * @param splitSource         how the split was obtained: {@code blend}, {@code top_position}, {@code global_account}
 *                            or {@code assumed_even} (no ratio available)
 * @param oiPeriod            period of the series, e.g. {@code 1h}
 * @param oiPoints            periods requested
 * @param window              span actually walked, from the first history point to the current open interest
 * @param oiChangePct         open interest change over the window, %
 * @param buildUp             sum of the positive open interest changes, base asset
 * @param locatedQty          build-up still open after the negative changes, base asset
 * @param locatedOiPct        {@code locatedQty} as % of the current open interest (the rest has unknown entries)
 * @param locatedNotional     {@code locatedQty} at its entry prices, after decay, quote asset
 * @param cohorts             number of periods with a positive change that were located at a kline
 * @param unlocatedPeriods    periods with a change but no kline to price it (skipped)
 * @param leverageTiers       effective leverage tiers, ascending (configured tiers above the symbol's maximum
 *                            for the representative position are modelled at that maximum)
 * @param tierWeights         normalised weight of each effective tier
 * @param positionNotional    notional of the representative position, quote asset
 * @param maxLeverage         highest leverage the symbol allows at that notional
 * @param decayHalfLifeHours  half-life of the weight of older build-up, hours
 * @param bucketPct           bucket size requested, % of price
 * @param bucketSize          bucket size used, price units (a multiple of the tick)
 * @param clusterTolerancePct cluster merge tolerance, %
 * @param cascadeWindowPct    cascade window, %
 * @param zonesModelled       (cohort × side × tier) liquidation prices computed
 * @param zonesRemovedCrossed those already traded through since entry, removed
 */
public record ModelInputs(
        Double openInterest,
        Double openInterestValue,
        double longPct,
        double shortPct,
        Double topTraderLongPct,
        Double globalLongPct,
        double topPositionWeight,
        String splitSource,
        String oiPeriod,
        int oiPoints,
        String window,
        Double oiChangePct,
        double buildUp,
        double locatedQty,
        Double locatedOiPct,
        double locatedNotional,
        int cohorts,
        int unlocatedPeriods,
        List<Integer> leverageTiers,
        List<Double> tierWeights,
        double positionNotional,
        int maxLeverage,
        double decayHalfLifeHours,
        double bucketPct,
        double bucketSize,
        double clusterTolerancePct,
        double cascadeWindowPct,
        int zonesModelled,
        int zonesRemovedCrossed) {

    public ModelInputs {
        leverageTiers = List.copyOf(leverageTiers);
        tierWeights = List.copyOf(tierWeights);
    }
}
