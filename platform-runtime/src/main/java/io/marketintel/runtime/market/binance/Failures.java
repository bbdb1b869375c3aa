package io.marketintel.runtime.market.binance;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import java.util.Map;

/** Translation of connector failures into the {@link IntelException}s the ports promise. */
final class Failures {

    /** Binance's "Invalid symbol." */
    static final int INVALID_SYMBOL = -1121;

    private Failures() {
    }

    /**
     * {@code failure} as the caller should see it: {@code -1121} becomes
     * {@link IntelException#unknownSymbol(String)}, shape errors become {@link ErrorCode#UPSTREAM_ERROR} naming the
     * endpoint, typed failures pass through, anything else becomes an upstream error.
     */
    static IntelException translate(Endpoint ep, Throwable failure, String symbol) {
        if (failure instanceof BinanceFailure bf) {
            if (bf.binanceCode() == INVALID_SYMBOL && symbol != null) {
                return new IntelException(ErrorCode.UNKNOWN_SYMBOL, "symbol [" + symbol + "] is not listed by Binance",
                        Map.of("symbol", symbol), bf);
            }
            return bf;
        }
        if (failure instanceof IntelException ie) {
            return ie;
        }
        return unexpected(ep, failure);
    }

    /** An answer of the wrong shape. */
    static IntelException unexpected(Endpoint ep, Throwable failure) {
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new IntelException(ErrorCode.UPSTREAM_ERROR, ep.label() + " answered an unexpected body: " + why,
                Map.of("endpoint", ep.label()), failure);
    }
}
