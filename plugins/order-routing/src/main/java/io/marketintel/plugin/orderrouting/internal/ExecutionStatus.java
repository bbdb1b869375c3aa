package io.marketintel.plugin.orderrouting.internal;

/** Where an execution stands. Only {@link #RUNNING} can change. */
public enum ExecutionStatus {
    /** Working: slices are still to be sent or a child order is working. */
    RUNNING,
    /** The whole quantity filled. */
    COMPLETED,
    /** The duration ended (or the book could not fill a slice) with part of the quantity unfilled. */
    EXPIRED,
    /** Cancelled by the caller ({@code DELETE …/executions/{id}}). */
    CANCELLED,
    /** The exchange refused an order, or an order's outcome could not be established. */
    FAILED,
    /** Found running after a restart and stopped there ({@code on_restart: STOP}, or an order of unknown outcome). */
    STOPPED;

    /** Whether nothing will change any more. */
    boolean finished() {
        return this != RUNNING;
    }
}
