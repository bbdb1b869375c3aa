package io.marketintel.plugin.orderrouting.internal;

/** How an execution works its order: a {@link Schedule} of market slices or a {@link Passive} limit order. */
sealed interface Plan permits Schedule, Passive {
}
