package org.jexim.bounce;

import java.util.Comparator;
import java.util.List;

/**
 * Puts the failures of one attempt in the order Exim's delivery process meets them: routing
 * takes the top-level recipients last to first, then the addresses they generated, generation
 * by generation; then the local transports fail theirs in recipient order, children first,
 * then the remote ones. (Checked against exim4 -odi: RCPT a,b fails b then a at routing; two
 * pipes that fail do so in RCPT order after every routing failure.)
 */
public final class FailureOrder {
    private FailureOrder() {
    }

    /** The failures sorted as Exim fails them; {@code recipients} are the message's, in their order. */
    public static List<Failure> sort(List<Failure> failures, List<String> recipients) {
        Comparator<Failure> order = Comparator.comparingInt((Failure f) -> f.failedIn() == null ? 0 : 1)
                .thenComparingInt(f -> f.failedIn() == null ? f.depth() : "local".equals(f.failedIn()) ? 0 : 1)
                .thenComparingInt(f -> f.failedIn() == null ? -index(recipients, f.top()) : -f.depth())
                .thenComparingInt(f -> f.failedIn() == null ? 0 : index(recipients, f.top()))
                .thenComparingLong(Failure::seen);
        return failures.stream().sorted(order).toList();
    }

    private static int index(List<String> recipients, String address) {
        for (int i = 0; i < recipients.size(); i++) {
            if (recipients.get(i).equalsIgnoreCase(address)) {
                return i;
            }
        }
        return recipients.size();
    }
}
