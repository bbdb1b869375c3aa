/**
 * The web console: static files under {@code META-INF/resources/console/} (outside any package, so
 * they are readable from other modules), served by the runtime at {@code /}.
 */
module io.marketintel.console {
}
