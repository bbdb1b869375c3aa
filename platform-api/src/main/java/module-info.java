/**
 * The Market Intel plugin API: everything a plugin author sees and nothing else.
 *
 * <p>Start with {@link io.marketintel.api.Analyzer} (read-only analyses) or
 * {@link io.marketintel.api.Executor} (plugins that place orders), then
 * {@link io.marketintel.api.PluginContext} for what the runtime hands a plugin.
 */
module io.marketintel.api {
    requires transitive io.vertx.core;
    requires transitive java.sql;

    exports io.marketintel.api;
    exports io.marketintel.api.market;
    exports io.marketintel.api.ta;
    exports io.marketintel.api.trading;
}
