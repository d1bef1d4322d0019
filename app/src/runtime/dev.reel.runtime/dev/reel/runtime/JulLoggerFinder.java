package dev.reel.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The launcher runtime's {@link System.LoggerFinder}: {@code System.getLogger} and the JDK's own
 * platform loggers log through {@code java.util.logging}, as they do with the JDK's default finder.
 * It exists to be found at once. The first {@code java.util.logging} logger (OkHttp makes one
 * before its first request) makes the JDK look for a finder service, and with none among the
 * runtime's modules that search goes on through the class path, opening every jar: 8-17 ms of
 * CPU on the way to the first audio. Found here, it stops before the class path. (The first
 * {@code System.getLogger} call still looks for a second finder, through the class path: TLS and
 * JavaFX make one, a plain HTTP or file play before its first audio does not.) Platform loggers'
 * levels map as the JDK's default finder maps {@code System.Logger} levels (CONFIG and FINEST
 * come as DEBUG and TRACE, so as FINE and FINER).
 *
 * <p>Thread-safe: stateless; its loggers are {@code java.util.logging}'s.
 */
public final class JulLoggerFinder extends System.LoggerFinder {

    @Override
    public System.Logger getLogger(String name, Module module) {
        Objects.requireNonNull(module, "module");
        return new JulLogger(Logger.getLogger(Objects.requireNonNull(name, "name")));
    }

    /** One {@code java.util.logging} logger seen as a {@link System.Logger}. */
    private record JulLogger(Logger logger) implements System.Logger {

        /** Frames of the logging machinery, skipped when the record names its caller. */
        private static final String[] MACHINERY = {
            "dev.reel.runtime.", "java.lang.System$Logger", "jdk.internal.logger.", "sun.util.logging.",
            "java.util.logging.",
        };

        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return logger.isLoggable(jul(level));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                LogRecord record = new LogRecord(jul(level), msg);
                record.setThrown(thrown);
                publish(record, bundle);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                LogRecord record = new LogRecord(jul(level), format);
                record.setParameters(params);
                publish(record, bundle);
            }
        }

        private void publish(LogRecord record, ResourceBundle bundle) {
            record.setLoggerName(logger.getName());
            if (bundle != null) {
                record.setResourceBundle(bundle);
                record.setResourceBundleName(bundle.getBaseBundleName());
            }
            // java.util.logging would otherwise name the first frame outside itself: this class.
            Optional<StackWalker.StackFrame> caller = StackWalker.getInstance()
                    .walk(frames -> frames.filter(frame -> !machinery(frame.getClassName())).findFirst());
            record.setSourceClassName(caller.map(StackWalker.StackFrame::getClassName).orElse(null));
            record.setSourceMethodName(caller.map(StackWalker.StackFrame::getMethodName).orElse(null));
            logger.log(record);
        }

        private static boolean machinery(String className) {
            for (String prefix : MACHINERY) {
                if (className.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /** The mapping of the JDK's default finder. */
        private static java.util.logging.Level jul(Level level) {
            return switch (level) {
                case ALL -> java.util.logging.Level.ALL;
                case TRACE -> java.util.logging.Level.FINER;
                case DEBUG -> java.util.logging.Level.FINE;
                case INFO -> java.util.logging.Level.INFO;
                case WARNING -> java.util.logging.Level.WARNING;
                case ERROR -> java.util.logging.Level.SEVERE;
                case OFF -> java.util.logging.Level.OFF;
            };
        }
    }
}
