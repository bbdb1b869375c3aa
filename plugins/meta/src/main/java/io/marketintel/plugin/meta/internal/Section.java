package io.marketintel.plugin.meta.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One analysis of a complete analysis: where it comes from (plugin id and operation, called over the bus with the
 * symbol), the key it has in the answer, and the {@code include_…} flag of {@code meta/analyze-and-recommend}.
 */
enum Section {
    FUNDING_SENTIMENT("funding_sentiment", "funding", "sentiment", "include_funding", "funding_deadline_ms"),
    ORDERBOOK("orderbook", "orderbook", "analysis", "include_orderbook", "orderbook_deadline_ms"),
    LIQUIDATIONS("liquidations", "liquidations", "heatmap", "include_liquidations", "liquidations_deadline_ms"),
    MTF_CONFLUENCE("mtf_confluence", "mtf", "confluence", "include_mtf", "mtf_deadline_ms"),
    VOLUME_PROFILE("volume_profile", "volume-profile", "analysis", "include_volume_profile",
            "volume_profile_deadline_ms");

    /** Every section key, in answer order. */
    static final List<String> KEYS = Arrays.stream(values()).map(Section::key).toList();

    private final String key;
    private final String pluginId;
    private final String operation;
    private final String includeParam;
    private final String deadlineKey;

    Section(String key, String pluginId, String operation, String includeParam, String deadlineKey) {
        this.key = key;
        this.pluginId = pluginId;
        this.operation = operation;
        this.includeParam = includeParam;
        this.deadlineKey = deadlineKey;
    }

    /** Key in the complete analysis ({@code funding_sentiment}). */
    String key() {
        return key;
    }

    /** The plugin that answers it. */
    String pluginId() {
        return pluginId;
    }

    /** Its operation. */
    String operation() {
        return operation;
    }

    /** The {@code include_…} parameter of analyze-and-recommend. */
    String includeParam() {
        return includeParam;
    }

    /** The complete-analysis configuration key of its deadline. */
    String deadlineKey() {
        return deadlineKey;
    }

    /** The section with answer key {@code key}. */
    static Optional<Section> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
