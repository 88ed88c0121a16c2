package org.jexim.queue;

import java.util.List;
import java.util.Optional;

/**
 * The content of an Exim -H spool file: envelope, status options, recipients and headers
 * (spec chapter "Format of spool files").
 *
 * @param sender the envelope sender without its angle brackets, empty for a bounce
 * @param nonRecipients the addresses already delivered (Exim's non-recipients tree, flattened)
 * @param recipientData what a recipient line has after the address (DSN's orcpt and NOTIFY flags
 *     in Exim's {@code " orcpt len,flags errors_to len,pno#3"} form), by address; absent when nothing
 */
public record SpoolHeader(String id, String login, long uid, long gid, String sender,
                          long receivedSeconds, int warningCount, List<SpoolOption> options,
                          List<String> nonRecipients, List<String> recipients, List<HeaderLine> headers,
                          java.util.Map<String, String> recipientData) {

    /** A header whose recipient lines are bare addresses. */
    public SpoolHeader(String id, String login, long uid, long gid, String sender, long receivedSeconds,
                       int warningCount, List<SpoolOption> options, List<String> nonRecipients,
                       List<String> recipients, List<HeaderLine> headers) {
        this(id, login, uid, gid, sender, receivedSeconds, warningCount, options, nonRecipients, recipients, headers,
            java.util.Map.of());
    }

    /** The value of the first option with this name; empty for absent options and for flags. */
    public Optional<String> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).map(SpoolOption::value)
            .filter(v -> v != null).findFirst();
    }

    public List<String> options(String name) {
        return options.stream().filter(o -> o.name().equals(name)).map(SpoolOption::value)
            .filter(v -> v != null).toList();
    }

    public boolean hasFlag(String name) {
        return options.stream().anyMatch(o -> o.name().equals(name));
    }

    /** The same header with other status options. */
    public SpoolHeader withOptions(List<SpoolOption> replaced) {
        return new SpoolHeader(id, login, uid, gid, sender, receivedSeconds, warningCount, List.copyOf(replaced),
            nonRecipients, recipients, headers, recipientData);
    }
}
