package io.marketintel.plugin.orderrouting.internal;

/** What happens to an execution found {@code RUNNING} when the plugin starts (it was interrupted by a crash or stop). */
public enum OnRestart {
    /** Continue where the journal says it stopped, never re-sending what was sent. */
    RESUME,
    /** Mark it {@code STOPPED} (cancelling a working child order) and report what was sent and filled. */
    STOP
}
