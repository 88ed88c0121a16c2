package org.jexim.conf;

/**
 * A configuration error, worded as Exim words it. {@link #eximText()} gives the two lines Exim
 * prints ("Exim configuration error in line N of FILE:" and the indented reason).
 */
public class ConfigurationException extends Exception {
    private final SourceLocation location;
    private final String reason;

    public ConfigurationException(SourceLocation location, String reason) {
        super(location == null ? reason : location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    /** Null when Exim gives no line for this kind of error (for example a driver with no driver option). */
    public SourceLocation location() {
        return location;
    }

    public String reason() {
        return reason;
    }

    public String eximText() {
        String head = location == null
                ? "Exim configuration error:"
                : "Exim configuration error in line " + location.line() + " of " + location.file() + ":";
        return head + "\n  " + reason;
    }
}
