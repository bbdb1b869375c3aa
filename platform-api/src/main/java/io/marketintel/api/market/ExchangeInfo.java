package io.marketintel.api.market;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exchange info: rate limits and symbols.
 *
 * @param serverTime server time, ms
 * @param rateLimits rate limits the exchange announces
 * @param symbols    listed symbols
 */
public record ExchangeInfo(long serverTime, List<RateLimit> rateLimits, List<SymbolInfo> symbols) {

    public ExchangeInfo {
        rateLimits = List.copyOf(rateLimits);
        symbols = List.copyOf(symbols);
    }

    /** The symbol named {@code symbol}, if listed. */
    public Optional<SymbolInfo> symbol(String symbol) {
        for (SymbolInfo info : symbols) {
            if (info.symbol().equals(symbol)) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    /** Symbols keyed by name. */
    public Map<String, SymbolInfo> bySymbol() {
        return symbols.stream().collect(Collectors.toUnmodifiableMap(SymbolInfo::symbol, Function.identity(),
                (a, b) -> a));
    }
}
