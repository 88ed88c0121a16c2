package org.jexim.queue;

import org.apache.mailet.Mail;

/**
 * What becomes of a message marked cancelled on the spool (-Mg, timeout_frozen_after) when the
 * queue hands it out: the daemon sets it up so that every recipient fails with the given text.
 */
@FunctionalInterface
public interface CancelledMail {
    /** Hands the mail out unchanged (no daemon to fail its recipients). */
    CancelledMail UNCHANGED = (mail, text) -> { };

    void prepare(Mail mail, String text);
}
