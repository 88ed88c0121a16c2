package org.jexim.queuetools;

import java.io.IOException;
import java.io.PrintStream;

/** -Mf and -Mt: mark a message frozen or thawed in its -H file as Exim does, with Exim's texts. */
public final class FreezeThaw {
    private final Spool spool;
    private final QueueLog log;
    private final String user;

    public FreezeThaw(Spool spool, QueueLog log, String user) {
        this.spool = spool;
        this.log = log;
        this.user = user;
    }

    public boolean freeze(String id, long nowSeconds, PrintStream out) {
        try (LockedMessage message = LockedMessage.open(spool, id, false, log, out).orElse(null)) {
            if (message == null) {
                return false;
            }
            Latin1.print(out, "Message " + id + " ");
            if (message.header.frozen()) {
                Latin1.print(out, "is already frozen\n");
                return false;
            }
            message.header.freeze(nowSeconds);
            try {
                spool.write(message.header);
            } catch (IOException e) {
                Latin1.print(out, "could not be frozen: " + Errors.text(e) + "\n");
                return false;
            }
            Latin1.print(out, "is now frozen\n");
            log.write(id, "frozen by " + user);
            return true;
        }
    }

    public boolean thaw(String id, PrintStream out) {
        try (LockedMessage message = LockedMessage.open(spool, id, false, log, out).orElse(null)) {
            if (message == null) {
                return false;
            }
            Latin1.print(out, "Message " + id + " ");
            if (!message.header.frozen()) {
                Latin1.print(out, "is not frozen\n");
                return false;
            }
            message.header.thaw();
            try {
                spool.write(message.header);
            } catch (IOException e) {
                Latin1.print(out, "could not be unfrozen: " + Errors.text(e) + "\n");
                return false;
            }
            Latin1.print(out, "is no longer frozen\n");
            log.write(id, "unfrozen by " + user);
            return true;
        }
    }

    /** -M thaws a frozen message silently before delivering it, as Exim's forced delivery does; true if it was frozen. */
    public boolean thawForDelivery(String id) throws IOException {
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        try (LockedMessage message = LockedMessage.open(spool, id, false, log, quiet).orElse(null)) {
            if (message != null && message.header.frozen()) {
                message.header.thaw();
                spool.write(message.header);
                log.write(id, "Unfrozen by forced delivery");
                return true;
            }
            return false;
        }
    }

    /** Thaws, as a forced delivery does, those of the messages that are frozen. */
    public void thawAllForDelivery(java.util.List<String> ids) throws IOException {
        for (String id : ids) {
            thawForDelivery(id);
        }
    }
}
