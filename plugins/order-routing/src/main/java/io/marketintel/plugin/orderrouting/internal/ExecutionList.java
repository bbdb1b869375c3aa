package io.marketintel.plugin.orderrouting.internal;

import java.util.List;

/**
 * Recent executions, newest first.
 *
 * @param count      how many are listed
 * @param running    how many are running now
 * @param executions the executions
 */
public record ExecutionList(int count, int running, List<ExecutionSummary> executions) {
}
