/**
 * Volume Profile &amp; POC Analysis: the volume of closed candles distributed over price bins, with the point of
 * control, the value area, high and low volume nodes, the price's position relative to value, the nearest volume
 * levels and the migration of value against a longer historical profile. Exports nothing; the runtime finds it
 * through {@code provides}.
 */
module io.marketintel.plugin.volumeprofile {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with io.marketintel.plugin.volumeprofile.internal.VolumeProfilePlugin;

    opens io.marketintel.plugin.volumeprofile.internal to com.fasterxml.jackson.databind;
}
