package io.marketintel.runtime.http.console;

import io.marketintel.api.market.MarketData;
import io.marketintel.runtime.plugins.PluginManager;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Mounts the console's own routes on the API router: the read-only market routes, the live event stream and
 * the webjars (ECharts). Every failure goes to the router's one error handler.
 */
public final class ConsoleRoutes {

    /** Where webjars keep their files; served at {@code /webjars/…}. */
    public static final String WEBJARS_ROOT = "META-INF/resources/webjars";

    private final MarketRoutes market;
    private final EventStream events;

    /**
     * @param vertx   Vert.x
     * @param market  the cached market data (the same the plugins read)
     * @param clock   the market's clock (replay time under replay), to tell closed candles from the forming one
     * @param plugins plugin manager: whose event addresses may be streamed
     */
    public ConsoleRoutes(Vertx vertx, MarketData market, Supplier<Clock> clock, PluginManager plugins) {
        this.market = new MarketRoutes(market, clock);
        this.events = new EventStream(vertx, plugins);
    }

    /** Adds the routes to {@code router}. */
    public void mount(Router router) {
        market.mount(router);
        events.mount(router);
        router.get("/webjars/*").handler(StaticHandler.create(WEBJARS_ROOT)
                .setDirectoryListing(false)
                .setMaxAgeSeconds(24 * 3600));
    }

    /** Event streams open now. */
    public int openStreams() {
        return events.open();
    }
}
