package io.marketintel.plugin.volumeprofile.internal;

/**
 * How the current value area sits against the historical one. Value areas that only touch (zero-length overlap)
 * are not overlapping.
 */
public enum ShiftDirection {
    /** The current VAL is at or above the historical VAH: value migrated higher. */
    HIGHER,
    /** The current VAH is at or below the historical VAL: value migrated lower. */
    LOWER,
    /** The value areas share a price range of positive length. */
    OVERLAPPING
}
