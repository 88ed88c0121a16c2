package org.jexim.log;

/**
 * How far a message's data had come when input ended, as receive.c words it in "lost while reading
 * message data": " (header)" before any line, " (after header)" while still in the header section
 * (Exim looks one line ahead before it takes a line that is not a header as the start of the
 * body), nothing once the body had begun.
 */
public final class DataProgress {
    private int lines;
    private boolean body;
    private boolean pendingNonHeader;

    /** The progress after {@code lines} (without line endings). */
    public static DataProgress of(Iterable<String> lines) {
        DataProgress p = new DataProgress();
        lines.forEach(p::line);
        return p;
    }

    /** One more data line, without its line ending. */
    public void line(String line) {
        lines++;
        if (body) {
            return;
        }
        if (pendingNonHeader || line.isEmpty()) {
            body = true;
        } else if (!line.startsWith(" ") && !line.startsWith("\t") && !line.matches("[!-9;-~]+:.*")) {
            pendingNonHeader = true;
        }
    }

    /** Whether the body has begun (later lines change nothing). */
    public boolean inBody() {
        return body;
    }

    /** The text that follows "lost while reading message data". */
    public String suffix() {
        return lines == 0 ? " (header)" : body ? "" : " (after header)";
    }
}
