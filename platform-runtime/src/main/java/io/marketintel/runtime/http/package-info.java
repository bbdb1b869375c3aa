/**
 * REST: {@link io.marketintel.runtime.http.HttpApi} builds the router — management routes
 * ({@code /api/health}, {@code /api/plugins}), the generic mounting of every plugin operation under
 * {@code /api/intelligence/<prefix>/<path>[/{symbol}]}, the console, bearer-token checks for mutating
 * requests, and the one error handler that answers every failure as
 * {@code {"error":{"code","message","details"}}}.
 */
package io.marketintel.runtime.http;
