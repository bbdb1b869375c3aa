/**
 * The web console: static files under {@code META-INF/resources/console/} (outside any package, so
 * they are readable from other modules), served by the runtime at {@code /}: plain ES modules, no build
 * step. Charts come from the ECharts webjar (automatic module {@code echarts}, a dependency of this one),
 * served by the runtime at {@code /webjars/echarts/…}; live updates from {@code GET /api/events}.
 */
module io.marketintel.console {
}
