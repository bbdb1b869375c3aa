package io.marketintel.plugin.meta.internal;

/**
 * One learning row: the return {@code arm} had (or would have had) on a recommendation.
 *
 * @param arm       arm id
 * @param returnPct return on the planned notional after costs, %
 * @param filled    whether the arm entered at all
 * @param source    AUTO (simulated by the labeller) or POSTED (the realised return of the recommended arm)
 */
record ArmReturn(String arm, double returnPct, boolean filled, String source) {
}
