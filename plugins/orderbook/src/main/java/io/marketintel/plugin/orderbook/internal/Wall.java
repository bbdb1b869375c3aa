package io.marketintel.plugin.orderbook.internal;

/**
 * One whale wall: a level whose quantity is at least {@code wall_multiplier} × the mean level quantity of its side.
 *
 * @param price          price of the level
 * @param quantity       resting base quantity
 * @param notional       {@code price × quantity}, quote asset
 * @param distancePct    signed distance from mid, percent of mid (bids negative, asks positive)
 * @param multiple       quantity over the side's mean level quantity
 * @param strength       0–100: {@code round(100 × (0.6 × size + 0.4 × proximity))}, see {@link BookMath}
 * @param firstSeen      time (ms) of the first snapshot in the history in which this wall (side and price) was
 *                       present without interruption and without more than doubling from one snapshot to the next
 *                       (then a larger order joined: a new wall); the snapshot's own time when it is new
 * @param spoofSuspected whether the wall (at least {@code spoof_min_multiple} × the mean) is far on a one-sided book,
 *                       or stands where a wall was pulled within the history in a way that is {@code VANISHED}
 *                       evidence (see {@link SpoofReason#VANISHED}); such walls count a quarter in the bias
 */
public record Wall(
        double price,
        double quantity,
        double notional,
        double distancePct,
        double multiple,
        int strength,
        long firstSeen,
        boolean spoofSuspected) {
}
