package io.marketintel.plugin.meta.internal;

import java.util.Map;

/**
 * Answer of {@code GET /api/intelligence/complete-analysis/{symbol}}: each section is the {@code data} of its
 * plugin's own answer (the same JSON as {@code GET /api/intelligence/funding/sentiment/{symbol}} …), or null when it
 * was not asked for or failed; a failure is explained in {@code errors} under the section's key.
 *
 * @param symbol           symbol
 * @param fundingSentiment {@code funding.sentiment}
 * @param orderbook        {@code orderbook.analysis}
 * @param liquidations     {@code liquidations.heatmap}
 * @param mtfConfluence    {@code mtf.confluence}
 * @param volumeProfile    {@code volume-profile.analysis}
 * @param errors           failed sections by key: code, message, HTTP status, plugin
 * @param sectionsOk       sections that answered
 * @param sectionsRequested sections asked for
 * @param durationsMs      how long each asked section took (until its answer, failure or deadline), ms
 * @param dataTime         the newest {@code data_time} of the sections that answered, ms; null when none did
 * @param requestedAt      when the analysis was started ({@code ctx.clock()}), ms
 */
record CompleteResult(
        String symbol,
        Map<String, Object> fundingSentiment,
        Map<String, Object> orderbook,
        Map<String, Object> liquidations,
        Map<String, Object> mtfConfluence,
        Map<String, Object> volumeProfile,
        Map<String, SectionError> errors,
        int sectionsOk,
        int sectionsRequested,
        Map<String, Long> durationsMs,
        Long dataTime,
        long requestedAt) {
}
