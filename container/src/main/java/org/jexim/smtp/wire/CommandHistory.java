package org.jexim.smtp.wire;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * The last 20 known SMTP commands of a connection, as Exim keeps them (smtp_connection_had) and logs
 * them ({@code " C=EHLO,MAIL,RCPT"}, or {@code " C=...EHLO,..."} once older ones were forgotten).
 */
public final class CommandHistory {
    private static final int SIZE = 20;
    private static final Set<String> NAMES = Set.of("AUTH", "DATA", "BDAT", "EHLO", "ETRN", "EXPN", "HELO",
            "HELP", "MAIL", "NOOP", "QUIT", "RCPT", "RSET", "STARTTLS", "VRFY");
    private final Deque<String> names = new ArrayDeque<>();
    private boolean forgotten;

    /** Records the command of {@code line} when Exim knows it. */
    public void add(String line) {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        if (!NAMES.contains(verb)) {
            return;
        }
        if (names.size() == SIZE) {
            names.removeFirst();
            forgotten = true;
        }
        names.addLast(verb);
    }

    /** The log field with its leading space, as s_connhad_log() writes it. */
    public String logField() {
        return names.isEmpty() ? "" : (forgotten ? " C=..." : " C=") + String.join(",", names);
    }
}
