/**
 * The one error shape: {@code {"error":{"code","message","details"}}}. {@link io.marketintel.runtime.errors.Errors}
 * turns any failure into an {@link io.marketintel.api.IntelException} (unknown failures become
 * INTERNAL_ERROR with a reference that points to the log, never a stack trace) and back from JSON.
 */
package io.marketintel.runtime.errors;
