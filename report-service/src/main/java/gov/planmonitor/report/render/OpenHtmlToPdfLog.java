package gov.planmonitor.report.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.jboss.logging.Logger;

import java.util.logging.Level;

/**
 * Sends openhtmltopdf's log to the service log (it otherwise prints to stderr in a format of its own); its INFO
 * lines are per-render timings, so they go to DEBUG.
 */
final class OpenHtmlToPdfLog implements XRLogger {

    private static final Logger LOG = Logger.getLogger("com.openhtmltopdf");

    private OpenHtmlToPdfLog() {
    }

    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof OpenHtmlToPdfLog)) {
            XRLog.setLoggerImpl(new OpenHtmlToPdfLog());
        }
    }

    private static Logger.Level level(Level level) {
        int v = level.intValue();
        return v >= Level.SEVERE.intValue() ? Logger.Level.ERROR : v >= Level.WARNING.intValue() ? Logger.Level.WARN
                : v >= Level.INFO.intValue() ? Logger.Level.DEBUG : Logger.Level.TRACE;
    }

    @Override
    public void log(String where, Level level, String msg) {
        LOG.logf(level(level), "%s: %s", where, msg);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        LOG.logf(level(level), th, "%s: %s", where, msg);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels come from the Quarkus log configuration.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return LOG.isEnabled(level(diagnostic.getLevel()));
    }
}
