package io.marketintel.runtime.market.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 request signing as Binance documents it: the lower-case hex HMAC of the exact
 * {@code totalParams} (query string concatenated with the request body) keyed with the API secret.
 * The secret never leaves this object; {@link #toString()} does not show it.
 */
final class BinanceSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    BinanceSigner(String apiSecret) {
        Objects.requireNonNull(apiSecret, "apiSecret");
        if (apiSecret.isEmpty()) {
            throw new IllegalArgumentException("setting [apiSecret] is empty");
        }
        this.key = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@code signature} of {@code totalParams}. */
    String sign(String totalParams) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe; creating one is cheap
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "BinanceSigner[secret=***]";
    }
}
