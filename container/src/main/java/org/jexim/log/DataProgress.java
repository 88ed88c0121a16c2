package org.jexim.log;

/**
 * How far a message's data had come when input ended, as receive.c words it in "lost while reading
 * message data": " (header)" while a header line was being read, " (after header)" when the input
 * ended just as the header section did, nothing once the body had begun. The data reader that
 * follows Exim's reading (org.jexim.smtp.wire.SmtpDataReader) says which.
 */
public final class DataProgress {
    private final String suffix;

    private DataProgress(String suffix) {
        this.suffix = suffix;
    }

    /** The progress before any data. */
    public static DataProgress none() {
        return new DataProgress(" (header)");
    }

    /** The progress whose log text is {@code suffix} (" (header)", " (after header)" or ""). */
    public static DataProgress of(String suffix) {
        return new DataProgress(suffix);
    }

    /** The text that follows "lost while reading message data". */
    public String suffix() {
        return suffix;
    }
}
