package org.jexim.transport;

import java.util.List;

/** One reply of an SMTP or LMTP server: its code and its lines as sent (without CRLF). */
record SmtpReply(int code, List<String> lines) {
    boolean positive() {
        return code / 100 == 2 || code / 100 == 3;
    }

    boolean permanent() {
        return code / 100 == 5;
    }

    /** The lines joined with newlines, as Exim quotes a reply in logs and bounces. */
    String text() {
        return String.join("\n", lines);
    }

    /** The text after the code of each line ("250-SIZE 52428800" gives "SIZE 52428800"). */
    List<String> values() {
        return lines.stream().map(l -> l.length() > 4 ? l.substring(4) : "").toList();
    }
}
