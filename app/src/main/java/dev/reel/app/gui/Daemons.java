package dev.reel.app.gui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The window's background threads: daemons, so that they never keep the JVM alive after it closes. */
final class Daemons {

    private Daemons() {
    }

    /** A single named thread that runs tasks in order, now or later. */
    static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
