package io.marketintel.api.market;

import java.util.Arrays;
import java.util.Optional;

/** Kline intervals of USDⓈ-M futures (calendar months are not supported). */
public enum Interval {
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H8("8h", 8 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    D3("3d", 3 * 86_400_000L),
    W1("1w", 7 * 86_400_000L);

    private final String code;
    private final long millis;

    Interval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** Binance's code, {@code 1m} … {@code 1w}. */
    public String code() {
        return code;
    }

    /** Length in milliseconds. */
    public long millis() {
        return millis;
    }

    /**
     * Open time of the candle that contains {@code time}. Weekly candles open on Mondays 00:00 UTC as on
     * Binance; all others are aligned to the epoch.
     */
    public long openTimeOf(long time) {
        if (this == W1) {
            long monday = 4 * 86_400_000L; // 1970-01-05 was a Monday
            return Math.floorDiv(time - monday, millis) * millis + monday;
        }
        return Math.floorDiv(time, millis) * millis;
    }

    /** The interval with Binance code {@code code}. */
    public static Optional<Interval> fromCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }
}
