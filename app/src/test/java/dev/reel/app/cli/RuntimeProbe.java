package dev.reel.app.cli;

import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Run by {@link RuntimeIT} on the launcher's linked Java runtime: prints the logger finder's class
 * and the security providers' names on stdout, one line each, and logs through {@code System.getLogger}
 * a warning that should show and one that the {@code java.util.logging} level should hide.
 */
final class RuntimeProbe {

    /** Held, so that java.util.logging keeps its level (it holds its loggers weakly). */
    private static final Logger QUIET = Logger.getLogger("reel.quiet");

    private RuntimeProbe() {
    }

    public static void main(String[] args) {
        System.out.println(System.LoggerFinder.getLoggerFinder().getClass().getName());
        List<String> providers = new ArrayList<>();
        for (Provider provider : Security.getProviders()) {
            providers.add(provider.getName());
        }
        System.out.println(String.join(",", providers));
        System.getLogger("reel.probe").log(System.Logger.Level.WARNING, "probe {0}", 42);
        QUIET.setLevel(Level.SEVERE);
        System.getLogger("reel.quiet").log(System.Logger.Level.WARNING, "hidden");
    }
}
