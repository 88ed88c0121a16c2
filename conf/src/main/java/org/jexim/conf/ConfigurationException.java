package org.jexim.conf;

/**
 * A configuration error, worded as Exim words it. {@link #eximText()} gives the two lines Exim
 * prints ("Exim configuration error in line N of FILE:" and the indented reason).
 */
public class ConfigurationException extends Exception {
    private final SourceLocation location;
    private final String reason;
    private final String item;
    private final boolean plain;
    private LogStyle logStyle = LogStyle.DEFAULT;

    public ConfigurationException(SourceLocation location, String reason) {
        this(location, null, reason, false);
    }

    private ConfigurationException(SourceLocation location, String item, String reason, boolean plain) {
        super(location != null ? location + ": " + reason : item != null ? item + ": " + reason : reason);
        this.location = location;
        this.reason = reason;
        this.item = item;
        this.plain = plain;
    }

    /**
     * An error Exim reports on its own, without "Exim configuration error" (for example a
     * failed expansion of spool_directory).
     */
    public static ConfigurationException plain(String message) {
        return new ConfigurationException(null, null, message, true);
    }

    /**
     * An error Exim reports "for" a driver instance rather than at a line
     * ("Exim configuration error for r1 router:"); {@code item} is "r1 router".
     */
    public static ConfigurationException forItem(String item, String reason) {
        return new ConfigurationException(null, item, reason, false);
    }

    /**
     * How Exim's log line prefix looks when this error is written: the main options read before
     * the error (log_timezone, and log_selector's +millisec and +pid once the main section is
     * complete) change it.
     */
    public record LogStyle(boolean timezone, boolean millisec, boolean pid) {
        public static final LogStyle DEFAULT = new LogStyle(false, false, false);
    }

    public LogStyle logStyle() {
        return logStyle;
    }

    /** Records the log prefix in force where the error was found; returns this exception. */
    public ConfigurationException withLogStyle(LogStyle style) {
        this.logStyle = style;
        return this;
    }

    /** Whether Exim prints the reason alone, without the "Exim configuration error" line. */
    public boolean plain() {
        return plain;
    }

    /** Null when Exim gives no line for this kind of error (for example a driver with no driver option). */
    public SourceLocation location() {
        return location;
    }

    public String reason() {
        return reason;
    }

    /** The driver instance the error is "for" ("r1 router"), or null. */
    public String item() {
        return item;
    }

    public String eximText() {
        if (plain) {
            return reason;
        }
        String head = location != null
                ? "Exim configuration error in line " + location.line() + " of " + location.file() + ":"
                : item != null ? "Exim configuration error for " + item + ":"
                : "Exim configuration error:";
        return head + "\n  " + reason;
    }
}
