package io.marketintel.plugin.volumeprofile.internal;

/**
 * One level of {@code levels}.
 *
 * @param type        POC, VAH, VAL, HVN or LVN
 * @param price       the level's price
 * @param distancePct {@code (price − current price) / current price · 100}: positive above, negative below
 * @param strength    0 … 100: POC 100, VAH and VAL {@value ProfileReport#EDGE_STRENGTH}, nodes their
 *                    {@link VolumeNode#strength()}
 */
public record Level(LevelType type, double price, double distancePct, int strength) {
}
