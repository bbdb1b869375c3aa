package io.marketintel.runtime;

import io.marketintel.runtime.config.ConfigException;
import java.time.Duration;

/**
 * Command-line entry point. Exit codes: 0 after a clean stop, 2 for an invalid configuration (the
 * message names the key), 1 for any other start failure.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("market-intel takes no arguments; settings come from config/market-intel.yaml and "
                    + "MI_* environment variables (see README.md)");
            System.exit(64);
        }
        Platform platform;
        try {
            platform = Platform.start(System.getenv(), System.out);
        } catch (ConfigException e) {
            System.err.println("market-intel: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("market-intel: failed to start: " + describe(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("market-intel: stopping");
            try {
                platform.close(Duration.ofSeconds(60));
                System.out.println("market-intel: stopped");
            } catch (Exception e) {
                System.err.println("market-intel: unclean stop: " + describe(e));
            }
        }, "market-intel-shutdown"));
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
