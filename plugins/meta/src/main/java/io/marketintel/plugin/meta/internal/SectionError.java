package io.marketintel.plugin.meta.internal;

import java.util.Map;

/**
 * Why a section of a complete analysis is missing: the callee's error as it would reach a REST caller.
 *
 * @param code    the error code ({@code TIMEOUT}, {@code PLUGIN_DISABLED}, {@code NOT_FOUND} when no plugin serves
 *                it, {@code UPSTREAM_UNAVAILABLE}, …)
 * @param message the callee's message
 * @param status  the HTTP status of that code
 * @param plugin  the plugin that was asked
 * @param details the callee's details, possibly empty
 */
record SectionError(String code, String message, int status, String plugin, Map<String, Object> details) {

    SectionError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
