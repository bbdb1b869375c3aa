package io.marketintel.plugin.risk.internal;

import java.util.List;

/**
 * The correlation-aware diversification of the portfolio ({@link Diversification}).
 *
 * @param score          0–100: {@code 100 × (1 − wᵀRw)} with {@code w} the signed notional weights (sum of |w| = 1)
 *                       and {@code R} the correlation matrix of the held symbols' returns; 0 for one position (or
 *                       none), 50 for two equal uncorrelated ones, 100 for a perfect offset
 * @param effectiveBets  {@code 1 / wᵀRw}: how many equal, independent positions would carry the same risk; null when
 *                       the positions offset each other completely
 * @param positionCount  open positions
 * @param method         how the score is computed
 * @param period         kline interval of the returns
 * @param observations   aligned returns the correlations were measured on (0 when none were needed or available)
 * @param correlations   every pair of held symbols
 * @param notes          data problems, with the numbers
 */
public record DiversificationReport(double score, Double effectiveBets, int positionCount, String method,
                                    String period, int observations, List<PairCorrelation> correlations,
                                    List<String> notes) {

    /** The method, as reported. */
    public static final String METHOD = "effective_bets_from_return_correlation_weighted_by_signed_notional";

    public DiversificationReport {
        correlations = List.copyOf(correlations);
        notes = List.copyOf(notes);
    }
}
