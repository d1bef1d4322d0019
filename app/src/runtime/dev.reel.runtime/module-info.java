/**
 * Linked into the launcher's Java runtime (not on any class path): the {@link System.LoggerFinder}
 * that the JDK's own start finds among the runtime's modules. See {@link dev.reel.runtime.JulLoggerFinder}.
 */
module dev.reel.runtime {
    requires java.logging;

    provides java.lang.System.LoggerFinder with dev.reel.runtime.JulLoggerFinder;
}
