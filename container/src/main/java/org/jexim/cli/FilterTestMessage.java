package org.jexim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message -bf reads on standard input, as Exim's receive_msg reads it in filter-testing
 * mode: an optional "From " line (which sets the sender), header lines up to a blank or
 * non-header line, then the body up to a "." line (unless -i) or the end. A Return-path:
 * header sets the return path and is dropped, as Exim does.
 */
final class FilterTestMessage {
    private static final Pattern UUCP_FROM = Pattern.compile("^From\\s+(\\S+)\\s+(?:[a-zA-Z]{3},?\\s+)?"
            + "(?:[a-zA-Z]{3}\\s+\\d?\\d|\\d?\\d\\s+[a-zA-Z]{3}\\s+\\d\\d(?:\\d\\d)?)\\s+\\d\\d?:\\d\\d?");

    final List<String> headers = new ArrayList<>();
    String body = "";
    String fromLineSender;
    String returnPath;
    long headerSize;
    /** The lines read before the body (a "From " line, headers, the blank line): part of $message_linecount. */
    long headerLineCount;

    /** Reads the message, printing what Exim prints while reading ("Sender taken from ..."). */
    static FilterTestMessage read(InputStream in, boolean dotEnds, PrintStream out) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        FilterTestMessage m = new FilterTestMessage();
        List<String> lines = splitLines(all);
        int i = 0;
        boolean ended = false;
        // the header section
        while (i < lines.size()) {
            String line = lines.get(i);
            if (dotEnds && line.equals(".\n") || dotEnds && line.equals(".")) {
                ended = true;
                i++;
                break;
            }
            if (i == 0 && m.headers.isEmpty()) {
                Matcher from = UUCP_FROM.matcher(line);
                if (from.find()) {
                    m.fromLineSender = from.group(1);
                    m.taken(line);
                    out.print("Sender taken from \"From \" line\n");
                    i++;
                    // the next line is the first header
                    lines = lines.subList(i, lines.size());
                    i = 0;
                    if (lines.isEmpty()) {
                        break;
                    }
                    line = lines.get(0);
                }
            }
            if (line.equals("\n")) {
                m.taken(line);
                i++;
                break;
            }
            if (!isHeader(line)) {
                m.taken(line); // Exim keeps this line out of the body variables
                i++;
                break;
            }
            StringBuilder h = new StringBuilder(line);
            i++;
            while (i < lines.size() && !lines.get(i).isEmpty() && (lines.get(i).charAt(0) == ' '
                    || lines.get(i).charAt(0) == '\t')) {
                h.append(lines.get(i++));
            }
            m.taken(h.toString());
            m.headers.add(h.toString().endsWith("\n") ? h.toString() : h + "\n");
        }
        if (m.headers.isEmpty()) {
            out.print("Warning: no message headers read\n");
        }
        m.headers.removeIf(h -> {
            if (!h.regionMatches(true, 0, "return-path:", 0, 12)) {
                return false;
            }
            String v = h.substring(12).strip();
            if (v.startsWith("<") && v.endsWith(">")) {
                v = v.substring(1, v.length() - 1);
            }
            m.returnPath = v;
            out.print("Return-path taken from \"Return-path:\" header line\n");
            return true;
        });
        if (!ended) {
            StringBuilder body = new StringBuilder();
            for (; i < lines.size(); i++) {
                String line = lines.get(i);
                if (dotEnds && (line.equals(".\n") || line.equals("."))) {
                    break;
                }
                body.append(line);
            }
            m.body = body.toString();
        }
        return m;
    }

    /** Counts text read before the body. */
    private void taken(String text) {
        headerSize += text.length();
        headerLineCount += Math.max(1, text.chars().filter(c -> c == '\n').count());
    }

    /** Exim's test: the name is printing characters other than space and colon, then a colon. */
    private static boolean isHeader(String line) {
        if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            return false;
        }
        int p = 0;
        while (p < line.length() && line.charAt(p) > 32 && line.charAt(p) < 127 && line.charAt(p) != ':') {
            p++;
        }
        while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '\t')) {
            p++;
        }
        return p < line.length() && line.charAt(p) == ':';
    }

    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl + 1;
            lines.add(s.substring(start, end));
            start = end;
        }
        return lines;
    }
}
