package org.jexim.queuetools;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses the messages of a queue run as Exim's queue_run does before it forks a delivery: an
 * id range ({@code -q ID1 ID2}), frozen ones left out unless the run thaws them ({@code -qff}),
 * only first deliveries ({@code -qi}), and the {@code -R}/{@code -S} selections: a recipient
 * not yet delivered, or the sender, containing a string (any case) or matching a regex
 * ({@code -Rr}/{@code -Sr}).
 */
public final class QueueSelection {
    /** A -R or -S selection. */
    public record Match(Optional<String> text, boolean regex) {
        public static final Match ANY = new Match(Optional.empty(), false);

        public boolean any() {
            return text.isEmpty();
        }

        boolean matches(String address) {
            if (text.isEmpty()) {
                return true;
            }
            if (regex) {
                return Pattern.compile(text.get(), Pattern.CASE_INSENSITIVE).matcher(address).find();
            }
            return address.toLowerCase(Locale.ROOT).contains(text.get().toLowerCase(Locale.ROOT));
        }
    }

    /** Everything a run's command line can ask. */
    public record Criteria(boolean thawing, boolean firstOnly, Match recipient, Match sender,
                           Optional<String> startId, Optional<String> stopId) {
        public static final Criteria ALL = new Criteria(false, false, Match.ANY, Match.ANY, Optional.empty(), Optional.empty());
    }

    private final Spool spool;

    public QueueSelection(Spool spool) {
        this.spool = spool;
    }

    /** The ids of the chosen messages, in id order. */
    public List<String> select(Criteria c) throws IOException {
        List<String> chosen = new ArrayList<>();
        for (String id : spool.messageIds(true)) {
            if (c.stopId().map(stop -> id.compareTo(stop) > 0).orElse(false)
                || c.startId().map(start -> id.compareTo(start) < 0).orElse(false)) {
                continue;
            }
            HeaderFile header;
            try {
                header = spool.read(id);
            } catch (IOException e) {
                continue; // gone meanwhile, or unreadable: Exim skips it too
            }
            if (header.frozen() && !c.thawing()) {
                continue;
            }
            if (c.firstOnly() && !header.has("deliver_firsttime")) {
                continue;
            }
            if (!c.sender().matches(header.sender())) {
                continue;
            }
            if (!c.recipient().any() && header.recipientAddresses().stream()
                .filter(r -> !header.delivered().contains(r)).noneMatch(c.recipient()::matches)) {
                continue;
            }
            chosen.add(id);
        }
        return chosen;
    }
}
