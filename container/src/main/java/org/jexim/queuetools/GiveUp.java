package org.jexim.queuetools;

import java.io.IOException;
import java.io.PrintStream;

/**
 * -Mg: marks a message given up ({@link Cancellation#BY_ADMINISTRATOR}) and logs "cancelled by
 * USER", as Exim's deliver_message does when asked to give up; the delivery that follows fails
 * every recipient and bounces the message to its sender.
 */
public final class GiveUp {
    private final Spool spool;
    private final QueueLog log;
    private final String user;

    public GiveUp(Spool spool, QueueLog log, String user) {
        this.spool = spool;
        this.log = log;
        this.user = user;
    }

    /** False (with Exim's text on {@code err}) when the message cannot be opened. */
    public boolean mark(String id, PrintStream err) {
        try (LockedMessage message = LockedMessage.open(spool, id, false, log, err).orElse(null)) {
            if (message == null) {
                return false;
            }
            Cancellation.cancel(message.header, Cancellation.BY_ADMINISTRATOR);
            try {
                spool.write(message.header);
            } catch (IOException e) {
                Latin1.print(err, "Message " + id + " could not be given up: " + Errors.text(e) + "\n");
                return false;
            }
            log.write(id, "cancelled by " + user);
            return true;
        }
    }
}
