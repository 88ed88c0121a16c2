package org.jexim.smtp.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * How Exim 4.96 (Debian's, with the SMTP smuggling fix) turns the DATA input of one message into
 * lines, segment by segment. The first line decides: a client whose first line ends in a bare LF is
 * an LF client, for whom any LF ends a line (and {@code LF . LF} the data). Otherwise only
 * {@code CRLF . CRLF} ends the data: in the header section a bare LF ends the line and makes the next
 * one a continuation, whitespace-only lines there are dropped; in the body a bare LF is a space. A
 * bare CR ends a line in both, and a dot after it is data. A line that starts with a dot after a line
 * end loses it. Used by the server's framer and by -bh/-bs.
 */
public final class DataLineRules {
    private Boolean crlfClient;
    private boolean header = true;
    private boolean lineStart = true;
    private boolean pendingSpace;
    private boolean ended;

    /** Whether the next segment ends at any LF; else only at CRLF (a CRLF client's body). */
    public boolean anyLf() {
        return crlfClient == null || !crlfClient || header;
    }

    /** Whether a plain CRLF line that does not start with a dot would come out unchanged. */
    public boolean plainBody() {
        return crlfClient != null && crlfClient && !header && !pendingSpace;
    }

    /** Whether the segment that ends the data has been taken. */
    public boolean ended() {
        return ended;
    }

    /**
     * The message lines (dots unstuffed) of the next segment: its text without the LF or CRLF that
     * ended it, {@code crlf} telling which.
     */
    public List<String> take(String segment, boolean crlf) {
        if (crlfClient == null) {
            crlfClient = crlf;
        }
        String text = pendingSpace ? " " + segment : segment;
        pendingSpace = false;
        boolean atStart = lineStart;
        lineStart = true;
        if (atStart && text.equals(".") && (crlf || !crlfClient)) {
            ended = true;
            return List.of();
        }
        if (!crlfClient) {
            header &= !text.isEmpty();
            return pieces(text, atStart);
        }
        if (header) {
            pendingSpace = !crlf;
            if (text.isEmpty()) {
                header = false;
                return List.of("");
            }
            if (text.isBlank()) {
                return List.of();
            }
            header = headerLine(text);
            return pieces(text, atStart);
        }
        return pieces(text.replace('\n', ' '), atStart);
    }

    /** The lines of a text that bare CRs cut; the first loses a leading dot after a line end. */
    private static List<String> pieces(String text, boolean atStart) {
        String[] pieces = text.split("\r", -1);
        List<String> lines = new ArrayList<>(pieces.length);
        for (int i = 0; i < pieces.length; i++) {
            lines.add(i == 0 && atStart && pieces[i].startsWith(".") ? pieces[i].substring(1) : pieces[i]);
        }
        return lines;
    }

    /** A header line or a continuation of one, as Exim recognises them (else the body starts). */
    static boolean headerLine(String text) {
        return text.startsWith(" ") || text.startsWith("\t") || org.jexim.submit.MessageInput.isHeader(text);
    }
}
