package io.marketintel.plugin.meta.internal;

/**
 * The outcome of a recommendation as stored: posted by a caller ({@code POSTED}, a realised trade) or computed by the
 * labeller ({@code AUTO}, the recommended arm simulated on the candles of the horizon).
 *
 * @param recommendationId  the recommendation
 * @param source            AUTO or POSTED
 * @param realizedReturnPct return of following the recommendation, %
 * @param traded            false when nothing was entered (no direction, or an unfilled sniper limit)
 * @param pnl               posted P&amp;L (quote asset), when given
 * @param notional          posted notional (quote asset), when given
 * @param holdingMinutes    how long the position was held, when known
 * @param notes             posted notes
 * @param holdReturnPct     AUTO: the direction alone from the recommendation price to the horizon's last close, %
 * @param exitReason        AUTO: STOP, TARGETS, HORIZON, NOT_FILLED or NO_DIRECTION
 * @param bars              AUTO: candles of the horizon simulated
 * @param recordedAt        when it was stored ({@code ctx.clock()}), ms
 */
record OutcomeView(
        String recommendationId,
        String source,
        double realizedReturnPct,
        boolean traded,
        Double pnl,
        Double notional,
        Long holdingMinutes,
        String notes,
        Double holdReturnPct,
        String exitReason,
        Integer bars,
        long recordedAt) {
}
