package org.jexim.queue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;

/**
 * The recipient list of a rewritten -H file, as Exim keeps it: every recipient the message ever
 * had, and the set of those done with (Exim's non-recipients tree), so that {@code -bp} can mark
 * them delivered.
 */
record Recipients(List<String> all, List<String> done) {

    /**
     * @param current the -H file being replaced
     * @param journal addresses recorded in the -J file since; they count as done even if the mail
     *                still lists them, so that nothing is delivered twice
     * @param mail the mail being enqueued again: its recipients are the ones still to deliver
     */
    static Recipients merge(SpoolHeader current, List<String> journal, Mail mail) {
        Set<String> all = new LinkedHashSet<>(current.recipients());
        Set<String> pending = new LinkedHashSet<>();
        for (MailAddress r : mail.getRecipients()) {
            all.add(r.asString());
            pending.add(r.asString());
        }
        pending.removeAll(journal);
        List<String> done = new ArrayList<>();
        for (String r : all) {
            if (!pending.contains(r)) {
                done.add(r);
            }
        }
        return new Recipients(List.copyOf(all), done);
    }
}
