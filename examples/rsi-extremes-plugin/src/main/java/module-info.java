/**
 * An example third-party plugin: scans symbols for an overbought or oversold RSI. It needs nothing of the platform
 * but {@code io.marketintel.api}; the platform finds it through {@code provides} and mounts its operations on REST,
 * the event bus and the console.
 */
module com.example.rsiextremes {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with com.example.rsiextremes.internal.RsiExtremesPlugin;

    // The platform writes the result records as JSON (snake_case) with Jackson.
    opens com.example.rsiextremes.internal to com.fasterxml.jackson.databind;
}
