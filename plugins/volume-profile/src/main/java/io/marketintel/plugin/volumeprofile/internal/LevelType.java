package io.marketintel.plugin.volumeprofile.internal;

/** The kind of a volume level. */
public enum LevelType {
    /** Point of control: the bin with the most volume (its centre). */
    POC,
    /** Value area high: the upper edge of the value area. */
    VAH,
    /** Value area low: the lower edge of the value area. */
    VAL,
    /** High volume node: where price was accepted, likely support or resistance (peak bin's centre). */
    HVN,
    /** Low volume node: where price moved quickly through (emptiest bin's centre). */
    LVN
}
