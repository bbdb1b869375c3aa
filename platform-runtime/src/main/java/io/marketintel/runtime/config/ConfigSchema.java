package io.marketintel.runtime.config;

import io.marketintel.api.ParamSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every platform configuration key with its type, default and range. Plugin keys
 * ({@code plugins.<id>.*}) come from the plugins' descriptors. The shipped
 * {@code config/market-intel.yaml} documents each key; a test keeps the two in step.
 */
public final class ConfigSchema {

    /** Keys whose values never appear in messages, logs or responses. */
    public static final Set<String> SECRETS = Set.of("api.token", "binance.api_key", "binance.api_secret");

    /** Key path → declaration. The declaration's name is the last path segment. */
    public static final Map<String, ParamSpec> KEYS = build();

    /** Section of per-plugin settings. */
    public static final String PLUGINS = "plugins";
    /** The per-plugin switch every plugin section has. */
    public static final String ENABLED = "enabled";

    private ConfigSchema() {
    }

    private static Map<String, ParamSpec> build() {
        Map<String, ParamSpec> k = new LinkedHashMap<>();
        k.put("market", ParamSpec.enumeration("market", "sim", List.of("sim", "binance", "replay"))
                .describe("market data source: sim (simulated, no network), binance (real REST API), replay (recorded files)"));

        k.put("http.host", ParamSpec.string("host", "127.0.0.1").describe("interface the HTTP server binds to"));
        k.put("http.port", ParamSpec.integer("port", 8080).range(0, 65535).describe("HTTP port (0 picks a free one)"));
        k.put("http.max_body_bytes", ParamSpec.integer("max_body_bytes", 1_048_576).range(1024, 67_108_864)
                .describe("largest accepted request body; larger ones get 413"));
        k.put("http.operation_timeout_seconds", ParamSpec.integer("operation_timeout_seconds", 30).range(1, 600)
                .describe("deadline of one plugin operation; slower ones are answered 504"));
        k.put("http.shutdown_timeout_seconds", ParamSpec.integer("shutdown_timeout_seconds", 10).range(0, 300)
                .describe("how long in-flight requests may finish on shutdown"));

        k.put("data.dir", ParamSpec.string("dir", "./data").describe("data directory: H2 database, generated API token"));
        k.put("api.token", ParamSpec.string("token", "")
                .describe("bearer token for mutating requests; empty = generated once into <data.dir>/api-token"));
        k.put("config.watch_interval_ms", ParamSpec.integer("watch_interval_ms", 2000).range(200, 60_000)
                .describe("how often the config file is checked for changes"));

        k.put("sim.seed", ParamSpec.integer("seed", 42).describe("seed of the simulated market; same seed, same market"));
        k.put("sim.starting_balance", ParamSpec.decimal("starting_balance", 10_000).range(0, 1e12)
                .describe("USDT balance of the paper account on the simulated market"));

        k.put("binance.network", ParamSpec.enumeration("network", "mainnet", List.of("mainnet", "testnet"))
                .describe("mainnet (https://fapi.binance.com) or testnet (https://demo-fapi.binance.com)"));
        k.put("binance.base_url", ParamSpec.string("base_url", "")
                .describe("REST base URL overriding the network's (e.g. a local fake); empty = the network's URL"));
        k.put("binance.api_key", ParamSpec.string("api_key", "").describe("API key for signed endpoints (executors)"));
        k.put("binance.api_secret", ParamSpec.string("api_secret", "").describe("API secret for signed endpoints"));
        k.put("binance.recv_window_ms", ParamSpec.integer("recv_window_ms", 5000).range(1, 60_000)
                .describe("recvWindow of signed requests"));
        k.put("binance.weight_safety_margin_pct", ParamSpec.integer("weight_safety_margin_pct", 10).range(0, 90)
                .describe("stay this far (%) below the request-weight and order limits exchange info announces"));
        k.put("binance.request_timeout_ms", ParamSpec.integer("request_timeout_ms", 10_000).range(100, 300_000)
                .describe("timeout of one REST request"));
        k.put("binance.max_retries", ParamSpec.integer("max_retries", 3).range(0, 10)
                .describe("retries of idempotent GETs after timeouts and 5xx, with backoff and jitter"));
        k.put("binance.max_queue_wait_ms", ParamSpec.integer("max_queue_wait_ms", 10_000).range(0, 600_000)
                .describe("longest a request waits for weight budget (or a 429 pause) before failing"));

        k.put("replay.dir", ParamSpec.string("dir", "./replay").describe("folder of data.binance.vision files to replay"));
        k.put("replay.start", ParamSpec.string("start", "")
                .describe("replay start instant (ISO-8601, e.g. 2023-01-01T00:00:00Z); empty = earliest data"));
        k.put("replay.speed", ParamSpec.decimal("speed", 1.0).range(0.001, 1_000_000)
                .describe("replay clock speed: 1 = real time, 60 = one minute per second"));

        k.put("trading.live", ParamSpec.bool("live", false)
                .describe("allow executors to send real orders; false = dry run / paper only"));

        k.put("cache.ttl_seconds.exchange_info", ttl("exchange_info", 3600, "exchange info (symbols, filters)"));
        k.put("cache.ttl_seconds.funding", ttl("funding", 300, "premium index and funding history"));
        k.put("cache.ttl_seconds.order_book", ttl("order_book", 10, "order book snapshots"));
        k.put("cache.ttl_seconds.liquidation_inputs", ttl("liquidation_inputs", 60,
                "open interest (+history), long/short and taker ratios, leverage brackets"));
        k.put("cache.ttl_seconds.klines", ttl("klines", 30, "klines of intervals below 1h (MTF)"));
        k.put("cache.ttl_seconds.klines_long", ttl("klines_long", 300, "klines of 1h and above (correlation inputs)"));
        k.put("cache.ttl_seconds.tickers", ttl("tickers", 30, "24h tickers and book tickers"));

        k.put("cache.max_stale_seconds.exchange_info", stale("exchange_info", 86_400));
        k.put("cache.max_stale_seconds.funding", stale("funding", 1800));
        k.put("cache.max_stale_seconds.order_book", stale("order_book", 0));
        k.put("cache.max_stale_seconds.liquidation_inputs", stale("liquidation_inputs", 600));
        k.put("cache.max_stale_seconds.klines", stale("klines", 0));
        k.put("cache.max_stale_seconds.klines_long", stale("klines_long", 1800));
        k.put("cache.max_stale_seconds.tickers", stale("tickers", 0));

        k.put("plugins.dir", ParamSpec.string("dir", "./plugins-ext").describe("folder of third-party plugin jars"));
        return java.util.Collections.unmodifiableMap(k);
    }

    private static ParamSpec stale(String name, long seconds) {
        return ParamSpec.integer(name, seconds).range(0, 7 * 86_400)
                .describe("how old (s) the last good " + name + " answer may be to stand in when the market source "
                        + "fails (0 = fail instead)");
    }

    private static ParamSpec ttl(String name, long seconds, String what) {
        return ParamSpec.integer(name, seconds).range(1, 86_400).describe("cache lifetime (s) of " + what);
    }

    /** Whether {@code path} names a section that holds keys ({@code http}, {@code cache.ttl_seconds}). */
    public static boolean isSection(String path) {
        String prefix = path + ".";
        return KEYS.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** The environment variable that overrides {@code path}: {@code MI_} + upper snake case. */
    public static String envName(String path) {
        return "MI_" + path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
