package org.jexim.smtp.wire;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads the data of one SMTP DATA command byte by byte as Exim 4.96 does (receive.c, with
 * Debian's CVE-2023-51766 fix), and yields the message as Exim stores it: LF line ends, leading
 * dots removed, the header lines as Exim reads them, then one empty line, then the body.
 * <ul>
 * <li>The first line's end sets the mode: CRLF, or LF-only. In CRLF mode a bare LF is never a
 * line end: in the header it starts a continuation line, in the body it becomes a space, after
 * a line's leading dot it is a space, and "LF . LF" does not end the data (the SMTP smuggling defence). In LF-only mode LF ends lines
 * and "LF . LF" ends the data.</li>
 * <li>A bare CR is a line end: "LF SP" in the header, LF in the body; a dot after it is data.</li>
 * <li>A header section ended by a line that is not a header field gets the empty line Exim
 * writes between header and body; its trailing empty continuation lines are removed.</li>
 * </ul>
 * One reader per message; {@link #accept} returns true at the terminating dot line.
 */
public final class SmtpDataReader {
    private enum Phase {
        HEADER_START, HEADER_DOT, HEADER_DOT_CR, HEADER_MID, HEADER_CR, HEADER_EOL,
        BODY_LF, BODY_MID, BODY_CR, BODY_DOT, BODY_DOT_CR, ENDED
    }

    private Phase phase = Phase.HEADER_START;
    /** Exim's first_line_ended_crlf: null until the first line ends. */
    private Boolean crlf;
    private final Bytes header = new Bytes();
    private final Bytes out = new Bytes();

    /** Takes the next input byte (0-255); true when it ended the data. */
    public boolean accept(int ch) {
        switch (phase) {
            case HEADER_START -> {
                if (ch == '.') {
                    phase = Phase.HEADER_DOT; // never stored in SMTP input
                } else {
                    headerChar(ch);
                }
            }
            case HEADER_DOT -> {
                if (ch == '\r') {
                    phase = Phase.HEADER_DOT_CR;
                } else if (ch == '\n' && !crlfMode()) {
                    end();
                } else {
                    headerChar(ch == '\n' ? ' ' : ch); // "dot LF" in a CRLF message: a space, as in the body
                }
            }
            case HEADER_DOT_CR -> {
                if (ch == '\n') {
                    end();
                } else {
                    bareHeaderCr(ch);
                }
            }
            case HEADER_MID -> headerChar(ch);
            case HEADER_CR -> {
                if (ch == '\n') {
                    if (crlf == null) {
                        crlf = true;
                    }
                    headerEol();
                } else {
                    bareHeaderCr(ch);
                }
            }
            case HEADER_EOL -> {
                if (ch == ' ' || ch == '\t') {
                    header.add(ch); // a continuation line
                    phase = Phase.HEADER_MID;
                } else {
                    finishHeaderLine();
                    accept(ch);
                }
            }
            case BODY_LF -> {
                if (ch == '.') {
                    phase = Phase.BODY_DOT;
                } else {
                    bodyChar(ch);
                }
            }
            case BODY_MID -> bodyChar(ch);
            case BODY_CR -> {
                out.add('\n');
                if (ch == '\n') {
                    phase = Phase.BODY_LF;
                } else if (ch != '\r') {
                    out.add(ch);
                    phase = Phase.BODY_MID;
                }
            }
            case BODY_DOT -> {
                if (ch == '\r') {
                    phase = Phase.BODY_DOT_CR;
                } else if (ch == '\n' && !crlfMode()) {
                    end();
                } else {
                    out.add(ch == '\n' ? ' ' : ch);
                    phase = Phase.BODY_MID;
                }
            }
            case BODY_DOT_CR -> {
                if (ch == '\n') {
                    end();
                } else {
                    out.add('\n');
                    if (ch == '\r') {
                        phase = Phase.BODY_CR;
                    } else {
                        out.add(ch);
                        phase = Phase.BODY_MID;
                    }
                }
            }
            case ENDED -> throw new IllegalStateException("the data has ended");
        }
        return phase == Phase.ENDED;
    }

    /**
     * What Exim adds to "lost while reading message data" when the input ends here: " (header)"
     * inside a header line, " (after header)" when a header line had ended and Exim was looking
     * for its continuation (the end of input ends the header section there), "" in the body.
     */
    public String lostSuffix() {
        if (phase == Phase.HEADER_EOL) {
            return " (after header)";
        }
        return phase.ordinal() < Phase.BODY_LF.ordinal() ? " (header)" : "";
    }

    /** Whether the terminating dot line has been read. */
    public boolean ended() {
        return phase == Phase.ENDED;
    }

    /**
     * Hands over each complete stored line (without its LF), and the unfinished one in pieces when
     * it is longer than {@code pieceLimit}; the handed bytes are forgotten.
     */
    public void drainLines(int pieceLimit, Consumer<byte[]> line) {
        int start = 0;
        for (int i = 0; i < out.size; i++) {
            if (out.data[i] == '\n') {
                line.accept(Arrays.copyOfRange(out.data, start, i));
                start = i + 1;
            }
        }
        while (out.size - start > pieceLimit) {
            line.accept(Arrays.copyOfRange(out.data, start, start + pieceLimit));
            start += pieceLimit;
        }
        out.dropFirst(start);
    }

    /** Whether input has only plain CRLF lines ahead: a body line that begins after a CRLF. */
    public boolean atCrlfBodyLine() {
        return phase == Phase.BODY_LF && crlfMode() && out.size == 0;
    }

    /** Everything stored so far and not drained, as ISO-8859-1 text. */
    public String text() {
        return new String(out.data, 0, out.size, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private boolean crlfMode() {
        return Boolean.TRUE.equals(crlf);
    }

    private void headerChar(int ch) {
        if (ch == '\n') {
            if (crlf == null) {
                crlf = false;
            }
            headerEol();
            if (crlfMode()) {
                accept(' '); // Exim pushes back a space: the line goes on as a continuation
            }
        } else if (ch == '\r') {
            phase = Phase.HEADER_CR;
        } else {
            header.add(ch);
            phase = Phase.HEADER_MID;
        }
    }

    /** A CR not followed by LF: stored as LF SP, and {@code ch} read again. */
    private void bareHeaderCr(int ch) {
        header.add('\n');
        header.add(' ');
        phase = Phase.HEADER_MID;
        headerChar(ch);
    }

    private void headerEol() {
        header.add('\n');
        if (header.size == 1) {
            header.size = 0;
            out.add('\n'); // the empty line: the body follows
            phase = Phase.BODY_LF;
        } else {
            phase = Phase.HEADER_EOL; // a space or tab next continues the line
        }
    }

    private void finishHeaderLine() {
        if (isHeaderField()) {
            trimEmptyContinuations();
            for (int i = 0; i < header.size; i++) {
                out.add(header.data[i] == 0 ? '?' : header.data[i]);
            }
            phase = Phase.HEADER_START;
        } else {
            out.add('\n'); // the first body line ends the header; Exim writes the empty line between
            out.addAll(header);
            phase = Phase.BODY_LF;
        }
        header.size = 0;
    }

    /** Exim's test: printable name characters up to optional white space and a colon. */
    private boolean isHeaderField() {
        int p = 0;
        if (isSpace(header.data[0])) {
            return false;
        }
        while (p < header.size && header.data[p] > 32 && header.data[p] < 127 && header.data[p] != ':') {
            p++;
        }
        while (p < header.size && isSpace(header.data[p])) {
            p++;
        }
        return p < header.size && header.data[p] == ':';
    }

    private void trimEmptyContinuations() {
        int p = header.size - 2;
        while (true) {
            while (p >= 0 && (header.data[p] == ' ' || header.data[p] == '\t')) {
                p--;
            }
            if (p < 0 || header.data[p] != '\n') {
                return;
            }
            header.size = p + 1;
            p--;
        }
    }

    private void bodyChar(int ch) {
        if (ch == '\r') {
            phase = Phase.BODY_CR;
        } else if (ch == '\n' && crlfMode()) {
            out.add(' ');
            phase = Phase.BODY_MID;
        } else {
            out.add(ch);
            phase = ch == '\n' ? Phase.BODY_LF : Phase.BODY_MID;
        }
    }

    private void end() {
        if (phase.ordinal() < Phase.BODY_LF.ordinal()) {
            out.add('\n'); // the data ended inside the header: the empty line still separates
        }
        phase = Phase.ENDED;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    /** A growable byte buffer. */
    private static final class Bytes {
        byte[] data = new byte[256];
        int size;

        void add(int b) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = (byte) b;
        }

        void addAll(Bytes other) {
            for (int i = 0; i < other.size; i++) {
                add(other.data[i]);
            }
        }

        void dropFirst(int n) {
            System.arraycopy(data, n, data, 0, size - n);
            size -= n;
        }
    }
}
