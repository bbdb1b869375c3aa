/**
 * The Market Intel host: discovers plugins, validates configuration, mounts every operation on REST
 * and the event bus, and provides market data (simulated, Binance, replay), the paper exchange and
 * storage. Start with {@link io.marketintel.runtime.Main}.
 */
module io.marketintel.runtime {
    requires io.marketintel.api;
    requires io.vertx.core;
    requires io.vertx.web;
    requires io.vertx.web.client;
    requires io.vertx.web.common;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.github.benmanes.caffeine;
    requires com.h2database;
    requires java.sql;
    requires java.logging;

    uses io.marketintel.api.Analyzer;
    uses io.marketintel.api.Executor;

    // The plugin test kit runs plugins on the runtime's own machinery (manager, invoker, simulated market, cache, JSON).
    exports io.marketintel.runtime.plugins to io.marketintel.testkit;
    exports io.marketintel.runtime.bus to io.marketintel.testkit;
    exports io.marketintel.runtime.config to io.marketintel.testkit;
    exports io.marketintel.runtime.json to io.marketintel.testkit;
    exports io.marketintel.runtime.errors to io.marketintel.testkit;
    exports io.marketintel.runtime.market.sim to io.marketintel.testkit;
    exports io.marketintel.runtime.market.cache to io.marketintel.testkit;
    exports io.marketintel.runtime.store to io.marketintel.testkit;

    // Jackson writes the runtime's own response records (plugin views, health).
    opens io.marketintel.runtime.http to com.fasterxml.jackson.databind;
    opens io.marketintel.runtime.http.console to com.fasterxml.jackson.databind;
    opens io.marketintel.runtime.plugins to com.fasterxml.jackson.databind;
    opens io.marketintel.runtime.store to com.fasterxml.jackson.databind;
    opens io.marketintel.runtime.market.cache to com.fasterxml.jackson.databind;
    opens io.marketintel.runtime.market.replay to com.fasterxml.jackson.databind;
    opens io.marketintel.runtime.market.binance to com.fasterxml.jackson.databind;

}
