package org.jexim.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jexim.smtp.wire.DataLineRules;

/**
 * -bh's and -bs's reading of DATA input, character by character so that bare LF and bare CR are
 * seen: the message lines as Exim 4.96 keeps them ({@link DataLineRules}), dots unstuffed, up to the
 * end of the data (for a CRLF client only {@code CRLF . CRLF}: no SMTP smuggling).
 *
 * @param lines the message lines read
 * @param complete false when the input ended before the end of the data
 */
record DataInput(List<String> lines, boolean complete) {
    static DataInput read(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        DataLineRules rules = new DataLineRules();
        StringBuilder segment = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            boolean crlf = c == '\n' && segment.length() > 0 && segment.charAt(segment.length() - 1) == '\r';
            if (c != '\n' || !crlf && !rules.anyLf()) {
                segment.append((char) c); // a bare LF in a CRLF client's body stays in the line
                continue;
            }
            lines.addAll(rules.take(segment.substring(0, segment.length() - (crlf ? 1 : 0)), crlf));
            if (rules.ended()) {
                return new DataInput(lines, true);
            }
            segment.setLength(0);
        }
        return new DataInput(lines, false);
    }
}
