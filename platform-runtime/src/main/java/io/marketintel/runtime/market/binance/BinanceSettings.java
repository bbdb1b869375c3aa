package io.marketintel.runtime.market.binance;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Binance USDⓈ-M connector. Start from {@link #defaults(Network)} and change what differs
 * with the {@code with…} methods; every value is validated here, naming the field.
 *
 * @param baseUrl                 REST base URL, {@code http(s)://host[:port]} without a path
 *                                ({@link Network#baseUrl()} or a fake / proxy)
 * @param apiKey                  API key for signed endpoints; empty when none (market data only)
 * @param apiSecret               API secret; empty exactly when {@code apiKey} is empty. Never printed.
 * @param recvWindowMs            {@code recvWindow} of signed requests, 1 … 60000 ms
 * @param weightSafetyMarginPct   how far below Binance's announced limits the connector stays, 0 … 90 %
 * @param requestTimeout          how long one HTTP exchange may take before it counts as timed out
 * @param maxRetries              retries of idempotent GET requests after timeouts, 5xx and malformed bodies,
 *                                0 … 10 (orders are never resent)
 * @param retryBaseDelay          first retry delay; doubles per retry, with jitter
 * @param maxQueueWait            the longest a request may wait for request-weight budget (or for a 429
 *                                pause to end) before it fails fast; 0 … 10 min
 * @param timeSyncInterval        how often the server-time offset is refreshed from {@code /fapi/v1/time}
 * @param breakerFailureThreshold consecutive failures (timeouts, 5xx, malformed answers) of one endpoint
 *                                family after which its circuit opens, 1 … 1000
 * @param breakerOpenDuration     how long an open circuit rejects calls before one trial call is let through
 */
public record BinanceSettings(
        String baseUrl,
        String apiKey,
        String apiSecret,
        long recvWindowMs,
        int weightSafetyMarginPct,
        Duration requestTimeout,
        int maxRetries,
        Duration retryBaseDelay,
        Duration maxQueueWait,
        Duration timeSyncInterval,
        int breakerFailureThreshold,
        Duration breakerOpenDuration) {

    public BinanceSettings {
        baseUrl = checkBaseUrl(baseUrl);
        Objects.requireNonNull(apiKey, "setting [apiKey] is missing (use an empty string for none)");
        Objects.requireNonNull(apiSecret, "setting [apiSecret] is missing (use an empty string for none)");
        apiKey = apiKey.strip();
        apiSecret = apiSecret.strip();
        if (apiKey.isEmpty() != apiSecret.isEmpty()) {
            throw new IllegalArgumentException(apiKey.isEmpty()
                    ? "setting [apiKey] is empty while [apiSecret] is set; set both or neither"
                    : "setting [apiSecret] is empty while [apiKey] is set; set both or neither");
        }
        range("recvWindowMs", recvWindowMs, 1, 60_000);
        range("weightSafetyMarginPct", weightSafetyMarginPct, 0, 90);
        duration("requestTimeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
        range("maxRetries", maxRetries, 0, 10);
        duration("retryBaseDelay", retryBaseDelay, Duration.ofMillis(1), Duration.ofMinutes(1));
        duration("maxQueueWait", maxQueueWait, Duration.ZERO, Duration.ofMinutes(10));
        duration("timeSyncInterval", timeSyncInterval, Duration.ofSeconds(1), Duration.ofDays(1));
        range("breakerFailureThreshold", breakerFailureThreshold, 1, 1000);
        duration("breakerOpenDuration", breakerOpenDuration, Duration.ofMillis(1), Duration.ofHours(1));
    }

    /**
     * Defaults for {@code network}: no credentials, recvWindow 5000 ms, 10 % safety margin, 10 s request
     * timeout, 3 retries from 250 ms, 10 s maximum queue wait, time sync every 5 min, circuits opening after 5
     * consecutive failures for 30 s.
     */
    public static BinanceSettings defaults(Network network) {
        Objects.requireNonNull(network, "setting [network] is missing");
        return new BinanceSettings(network.baseUrl(), "", "", 5000, 10, Duration.ofSeconds(10), 3,
                Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMinutes(5), 5, Duration.ofSeconds(30));
    }

    /** {@link #defaults(Network)} of {@link Network#MAINNET}. */
    public static BinanceSettings defaults() {
        return defaults(Network.MAINNET);
    }

    /** Whether signed endpoints (orders, account, leverage brackets) can be called. */
    public boolean hasCredentials() {
        return !apiKey.isEmpty();
    }

    /** These settings with another base URL (a proxy, the testnet, a fake). */
    public BinanceSettings withBaseUrl(String newBaseUrl) {
        return new BinanceSettings(newBaseUrl, apiKey, apiSecret, recvWindowMs, weightSafetyMarginPct, requestTimeout,
                maxRetries, retryBaseDelay, maxQueueWait, timeSyncInterval, breakerFailureThreshold,
                breakerOpenDuration);
    }

    /** These settings with API credentials. */
    public BinanceSettings withCredentials(String newApiKey, String newApiSecret) {
        return new BinanceSettings(baseUrl, newApiKey, newApiSecret, recvWindowMs, weightSafetyMarginPct,
                requestTimeout, maxRetries, retryBaseDelay, maxQueueWait, timeSyncInterval, breakerFailureThreshold,
                breakerOpenDuration);
    }

    /** These settings with another recvWindow. */
    public BinanceSettings withRecvWindowMs(long newRecvWindowMs) {
        return new BinanceSettings(baseUrl, apiKey, apiSecret, newRecvWindowMs, weightSafetyMarginPct, requestTimeout,
                maxRetries, retryBaseDelay, maxQueueWait, timeSyncInterval, breakerFailureThreshold,
                breakerOpenDuration);
    }

    /** These settings with another safety margin below the announced limits. */
    public BinanceSettings withWeightSafetyMarginPct(int newMarginPct) {
        return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindowMs, newMarginPct, requestTimeout, maxRetries,
                retryBaseDelay, maxQueueWait, timeSyncInterval, breakerFailureThreshold, breakerOpenDuration);
    }

    /** These settings with another request timeout. */
    public BinanceSettings withRequestTimeout(Duration newRequestTimeout) {
        return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindowMs, weightSafetyMarginPct, newRequestTimeout,
                maxRetries, retryBaseDelay, maxQueueWait, timeSyncInterval, breakerFailureThreshold,
                breakerOpenDuration);
    }

    /** These settings with another retry policy for GET requests. */
    public BinanceSettings withRetries(int newMaxRetries, Duration newRetryBaseDelay) {
        return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindowMs, weightSafetyMarginPct, requestTimeout,
                newMaxRetries, newRetryBaseDelay, maxQueueWait, timeSyncInterval, breakerFailureThreshold,
                breakerOpenDuration);
    }

    /** These settings with another maximum wait for budget. */
    public BinanceSettings withMaxQueueWait(Duration newMaxQueueWait) {
        return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindowMs, weightSafetyMarginPct, requestTimeout,
                maxRetries, retryBaseDelay, newMaxQueueWait, timeSyncInterval, breakerFailureThreshold,
                breakerOpenDuration);
    }

    /** These settings with another server-time refresh interval. */
    public BinanceSettings withTimeSyncInterval(Duration newTimeSyncInterval) {
        return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindowMs, weightSafetyMarginPct, requestTimeout,
                maxRetries, retryBaseDelay, maxQueueWait, newTimeSyncInterval, breakerFailureThreshold,
                breakerOpenDuration);
    }

    /** These settings with another circuit-breaker policy. */
    public BinanceSettings withBreaker(int newFailureThreshold, Duration newOpenDuration) {
        return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindowMs, weightSafetyMarginPct, requestTimeout,
                maxRetries, retryBaseDelay, maxQueueWait, timeSyncInterval, newFailureThreshold, newOpenDuration);
    }

    @Override
    public String toString() {
        return "BinanceSettings[baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", apiSecret=" + mask(apiSecret)
                + ", recvWindowMs=" + recvWindowMs + ", weightSafetyMarginPct=" + weightSafetyMarginPct
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + ", retryBaseDelay="
                + retryBaseDelay + ", maxQueueWait=" + maxQueueWait + ", timeSyncInterval=" + timeSyncInterval
                + ", breakerFailureThreshold=" + breakerFailureThreshold + ", breakerOpenDuration="
                + breakerOpenDuration + "]";
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "<none>" : "***";
    }

    private static String checkBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("setting [baseUrl] is missing");
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("setting [baseUrl] must be an http(s) URL without a path, such as "
                        + Network.MAINNET.baseUrl() + ", was \"" + url + "\"");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("setting [baseUrl] is not a URL: \"" + url + "\"", e);
        }
        return u;
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("setting [" + name + "] must be within [" + min + ", " + max
                    + "], was " + value);
        }
    }

    private static void duration(String name, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new IllegalArgumentException("setting [" + name + "] is missing");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("setting [" + name + "] must be within [" + min + ", " + max
                    + "], was " + value);
        }
    }
}
