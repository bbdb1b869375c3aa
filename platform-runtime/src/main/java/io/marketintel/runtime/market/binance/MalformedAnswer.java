package io.marketintel.runtime.market.binance;

/** A Binance answer that is valid JSON but not of the documented shape; names the field. */
final class MalformedAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedAnswer(String message) {
        super(message, null, false, false);
    }
}
