/**
 * Implementation of the order-routing executor (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.orderrouting.internal.OrderRoutingPlugin} (descriptor, operations), then
 * {@link io.marketintel.plugin.orderrouting.internal.ExecutionEngine} (jobs: accept, drive, cancel, recover after a
 * crash). Planning is pure and synchronous: {@link io.marketintel.plugin.orderrouting.internal.ExecutionPlanner}
 * (request + market at arrival → plan), {@link io.marketintel.plugin.orderrouting.internal.ConditionAnalysis}
 * (spread, depth, impact, volatility → algorithm), {@link io.marketintel.plugin.orderrouting.internal.TwapPlanner}
 * (slices summing exactly to the total, seeded timing), {@link io.marketintel.plugin.orderrouting.internal.SymbolRules}
 * (step / tick rounding, LOT_SIZE and MIN_NOTIONAL refusals naming the rule) and
 * {@link io.marketintel.plugin.orderrouting.internal.BookMath}. Child orders go to a
 * {@link io.marketintel.plugin.orderrouting.internal.Venue}: the runtime's journaling exchange or a dry-run book walk.
 * Executions and slices live in the plugin's own tables ({@link io.marketintel.plugin.orderrouting.internal.ExecutionStore}).
 * Results are records serialised by the runtime to snake_case JSON.
 */
package io.marketintel.plugin.orderrouting.internal;
