package io.marketintel.plugin.meta.internal;

import java.util.List;

/**
 * What one labelling pass did. Answer of {@code POST /api/intelligence/meta/label-pending}.
 *
 * @param clock    the plugin clock at the start of the pass, ms (replay time under replay)
 * @param due      recommendations whose horizon had passed and that were looked at
 * @param labelled labelled with simulated outcomes for every arm
 * @param noTrade  NEUTRAL recommendations labelled with a flat outcome (return 0, nothing learned)
 * @param skipped  marked SKIPPED (no price, or no candles long after the horizon)
 * @param waiting  left PENDING because candles of the horizon are still missing
 * @param failed   left PENDING because the market failed; retried next pass
 * @param notes    one line per skip and failure
 */
record LabelPass(long clock, int due, int labelled, int noTrade, int skipped, int waiting, int failed,
                 List<String> notes) {

    LabelPass {
        notes = List.copyOf(notes);
    }
}
