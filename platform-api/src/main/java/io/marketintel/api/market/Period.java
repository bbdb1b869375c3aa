package io.marketintel.api.market;

import java.util.Arrays;
import java.util.Optional;

/** Periods accepted by the {@code /futures/data/*} statistics endpoints (open interest history, ratios). */
public enum Period {
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L);

    private final String code;
    private final long millis;

    Period(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** Binance's code, {@code 5m} … {@code 1d}. */
    public String code() {
        return code;
    }

    /** Length in milliseconds. */
    public long millis() {
        return millis;
    }

    /** The period with Binance code {@code code}. */
    public static Optional<Period> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
