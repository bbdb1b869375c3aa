package io.marketintel.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated configuration. Secret values are held but never printed ({@link #toString()} masks them).
 *
 * @param file            the file it was read from
 * @param market          market source
 * @param http            HTTP server settings
 * @param dataDir         data directory
 * @param apiToken        configured API token, empty when it is to be generated
 * @param watchInterval   how often the file is checked for changes
 * @param sim             simulated market
 * @param binance         Binance connection
 * @param replay          replay market
 * @param tradingLive     whether executors may send real orders
 * @param cacheTtls       cache lifetimes by data kind ({@code order_book} → 10 s)
 * @param maxStale        how old a last good answer may be to stand in for a failed load, by data kind
 * @param pluginsDir      third-party plugin folder
 * @param plugins         settings of the installed plugins, by id
 * @param pendingPlugins  raw sections of plugins that are not installed (validated when they appear)
 * @param warnings        things worth telling the operator that are not errors
 */
public record PlatformConfig(
        Path file,
        String market,
        Http http,
        Path dataDir,
        String apiToken,
        Duration watchInterval,
        Sim sim,
        Binance binance,
        Replay replay,
        boolean tradingLive,
        Map<String, Duration> cacheTtls,
        Map<String, Duration> maxStale,
        Path pluginsDir,
        Map<String, PluginSettings> plugins,
        Map<String, JsonNode> pendingPlugins,
        List<String> warnings) {

    public PlatformConfig {
        cacheTtls = Map.copyOf(cacheTtls);
        maxStale = Map.copyOf(maxStale);
        plugins = Map.copyOf(plugins);
        pendingPlugins = Map.copyOf(pendingPlugins);
        warnings = List.copyOf(warnings);
    }

    /**
     * HTTP server.
     *
     * @param host             bind address
     * @param port             port, 0 for any free one
     * @param maxBodyBytes     largest request body
     * @param operationTimeout deadline of one operation
     * @param shutdownTimeout  grace period for in-flight requests on shutdown
     */
    public record Http(String host, int port, long maxBodyBytes, Duration operationTimeout, Duration shutdownTimeout) {
    }

    /**
     * Simulated market.
     *
     * @param seed            seed
     * @param startingBalance paper account balance in USDT
     */
    public record Sim(long seed, double startingBalance) {
    }

    /**
     * Binance connection; the key and secret are masked in {@link #toString()}.
     *
     * @param network                mainnet or testnet
     * @param baseUrl                REST base URL (the network's unless overridden)
     * @param apiKey                 API key or empty
     * @param apiSecret              API secret or empty
     * @param recvWindowMs           recvWindow of signed requests
     * @param weightSafetyMarginPct  margin below the announced limits, %
     * @param requestTimeoutMs       timeout of one request
     * @param maxRetries             retries of idempotent GETs
     * @param maxQueueWaitMs         longest wait for budget before failing
     */
    public record Binance(String network, String baseUrl, String apiKey, String apiSecret, long recvWindowMs,
                          int weightSafetyMarginPct, long requestTimeoutMs, int maxRetries, long maxQueueWaitMs) {
        @Override
        public String toString() {
            return "Binance[network=" + network + ", baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey)
                    + ", apiSecret=" + mask(apiSecret) + ", recvWindowMs=" + recvWindowMs + "]";
        }

        /** Whether both key and secret are configured. */
        public boolean hasCredentials() {
            return !apiKey.isEmpty() && !apiSecret.isEmpty();
        }
    }

    /**
     * Replay market.
     *
     * @param dir   folder of recorded files
     * @param start start instant or empty
     * @param speed clock speed
     */
    public record Replay(Path dir, String start, double speed) {
    }

    /** Settings of plugin {@code id}, or null when it has no section and no defaults are known. */
    public PluginSettings plugin(String id) {
        return plugins.get(id);
    }

    @Override
    public String toString() {
        return "PlatformConfig[file=" + file + ", market=" + market + ", http=" + http + ", dataDir=" + dataDir
                + ", apiToken=" + mask(apiToken) + ", sim=" + sim + ", binance=" + binance + ", replay=" + replay
                + ", tradingLive=" + tradingLive + ", plugins=" + plugins.keySet() + "]";
    }

    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "(none)" : "****";
    }
}
