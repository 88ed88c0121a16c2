package org.jexim.log;

import java.util.ArrayList;
import java.util.List;

/**
 * How Exim's write_syslog (log.c) cuts one log line into syslog messages: at each newline and
 * every 870 characters; when that makes more than one part, each is prefixed {@code [n\m] } if a
 * newline ended it and more follows, else {@code [n/m] }.
 */
public final class SyslogParts {
    /** MAX_SYSLOG_LEN of log.c. */
    static final int MAX_PART = 870;

    private SyslogParts() {
    }

    public static List<String> of(String text) {
        List<String> pieces = new ArrayList<>();
        List<Boolean> newlineContinues = new ArrayList<>();
        int len = text.length();
        int at = 0;
        int left = len;
        while (left > 0) {
            int nl = text.indexOf('\n', at);
            int plen = nl < 0 ? left : nl - at;
            plen = Math.min(plen, MAX_PART);
            left -= plen;
            boolean endsAtNewline = at + plen < len && text.charAt(at + plen) == '\n';
            if (endsAtNewline) {
                left--;
            }
            pieces.add(text.substring(at, at + plen));
            newlineContinues.add(endsAtNewline && left != 0);
            at += plen + (endsAtNewline ? 1 : 0);
        }
        if (pieces.size() == 1) {
            return pieces;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            parts.add("[" + (i + 1) + (newlineContinues.get(i) ? '\\' : '/') + pieces.size() + "] " + pieces.get(i));
        }
        return parts;
    }
}
