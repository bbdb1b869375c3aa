package io.marketintel.runtime.market.cache;

import java.time.Duration;

/**
 * Time-to-live of cached market data per {@link DataKind}. {@code serverTime} is never cached.
 *
 * @param exchangeInfo      {@link DataKind#EXCHANGE_INFO}, default 1 h
 * @param funding           {@link DataKind#FUNDING}, default 5 min
 * @param orderBook         {@link DataKind#ORDER_BOOK}, default 10 s
 * @param liquidationInputs {@link DataKind#LIQUIDATION_INPUTS}, default 1 min
 * @param klines            {@link DataKind#KLINES} (intervals below 1 h), default 30 s
 * @param klinesLong        {@link DataKind#KLINES_LONG} (1 h and above), default 5 min
 * @param tickers           {@link DataKind#TICKERS}, default 30 s
 */
public record CacheTtls(
        Duration exchangeInfo,
        Duration funding,
        Duration orderBook,
        Duration liquidationInputs,
        Duration klines,
        Duration klinesLong,
        Duration tickers) {

    /** The longest accepted time-to-live. */
    public static final Duration MAX_TTL = Duration.ofDays(7);

    public CacheTtls {
        check(DataKind.EXCHANGE_INFO, exchangeInfo);
        check(DataKind.FUNDING, funding);
        check(DataKind.ORDER_BOOK, orderBook);
        check(DataKind.LIQUIDATION_INPUTS, liquidationInputs);
        check(DataKind.KLINES, klines);
        check(DataKind.KLINES_LONG, klinesLong);
        check(DataKind.TICKERS, tickers);
    }

    /** The defaults: 1 h, 5 min, 10 s, 1 min, 30 s, 5 min, 30 s. */
    public static CacheTtls defaults() {
        return new CacheTtls(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    /** The time-to-live of {@code kind}. */
    public Duration ttl(DataKind kind) {
        return switch (kind) {
            case EXCHANGE_INFO -> exchangeInfo;
            case FUNDING -> funding;
            case ORDER_BOOK -> orderBook;
            case LIQUIDATION_INPUTS -> liquidationInputs;
            case KLINES -> klines;
            case KLINES_LONG -> klinesLong;
            case TICKERS -> tickers;
        };
    }

    /** A copy with {@code kind}'s time-to-live replaced. */
    public CacheTtls with(DataKind kind, Duration ttl) {
        return new CacheTtls(
                kind == DataKind.EXCHANGE_INFO ? ttl : exchangeInfo,
                kind == DataKind.FUNDING ? ttl : funding,
                kind == DataKind.ORDER_BOOK ? ttl : orderBook,
                kind == DataKind.LIQUIDATION_INPUTS ? ttl : liquidationInputs,
                kind == DataKind.KLINES ? ttl : klines,
                kind == DataKind.KLINES_LONG ? ttl : klinesLong,
                kind == DataKind.TICKERS ? ttl : tickers);
    }

    private static void check(DataKind kind, Duration ttl) {
        if (ttl == null) {
            throw new IllegalArgumentException("cache ttl [" + kind.key() + "] is missing");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl [" + kind.key() + "] must be positive, was " + ttl);
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("cache ttl [" + kind.key() + "] must be at most " + MAX_TTL
                    + ", was " + ttl);
        }
    }
}
