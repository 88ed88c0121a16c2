package org.jexim.queue;

import org.apache.mailet.Mail;

/**
 * Decides whether a message just received waits on the spool for a queue run instead of being
 * delivered at once: Exim's queue_only and its relatives. Asked once, when the message is first
 * spooled; the answer is kept in its -H file, so that it survives a restart.
 */
@FunctionalInterface
public interface HoldPolicy {
    /** Every message is delivered at once. */
    HoldPolicy NEVER = mail -> false;

    boolean holds(Mail mail);
}
