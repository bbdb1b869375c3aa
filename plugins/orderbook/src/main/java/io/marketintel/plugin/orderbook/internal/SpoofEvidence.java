package io.marketintel.plugin.orderbook.internal;

import java.util.Objects;

/**
 * One reason to suspect spoofing.
 *
 * @param reason            {@link SpoofReason#FAR_ONE_SIDED} or {@link SpoofReason#VANISHED}
 * @param side              side of the wall
 * @param price             price of the wall
 * @param quantity          quantity of the wall (for a vanished wall: when last seen)
 * @param multiple          quantity over its side's mean level quantity (when last seen)
 * @param distancePct       signed distance from mid, percent (for a vanished wall: when last seen)
 * @param firstSeen         first snapshot time (ms) the wall was seen in, without interruption (see
 *                          {@link Wall#firstSeen()})
 * @param lastSeen          last snapshot time (ms) the wall was seen in (the current one for a standing wall)
 * @param vanishedAt        time (ms) of the snapshot it was missing from; null for a standing wall
 * @param remainingQuantity quantity left at its price when it vanished; null for a standing wall
 * @param detail            the evidence as a sentence
 */
public record SpoofEvidence(
        SpoofReason reason,
        BookSide side,
        double price,
        double quantity,
        double multiple,
        double distancePct,
        long firstSeen,
        long lastSeen,
        Long vanishedAt,
        Double remainingQuantity,
        String detail) {

    public SpoofEvidence {
        Objects.requireNonNull(reason, "property [reason] is missing for spoof evidence");
        Objects.requireNonNull(side, "property [side] is missing for spoof evidence");
        Objects.requireNonNull(detail, "property [detail] is missing for spoof evidence");
    }
}
