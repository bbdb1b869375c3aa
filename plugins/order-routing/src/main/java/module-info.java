/**
 * Smart Order Routing: an executor that works an order as a job (TWAP, iceberg, adaptive, market, limit), dry run by
 * default, with progress events, crash recovery and a market-condition analysis that recommends an algorithm. Exports
 * nothing; the runtime finds it through {@code provides}.
 */
module io.marketintel.plugin.orderrouting {
    requires io.marketintel.api;

    provides io.marketintel.api.Executor with io.marketintel.plugin.orderrouting.internal.OrderRoutingPlugin;

    opens io.marketintel.plugin.orderrouting.internal to com.fasterxml.jackson.databind;
}
