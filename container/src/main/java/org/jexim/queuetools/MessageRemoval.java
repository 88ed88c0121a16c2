package org.jexim.queuetools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** -Mrm: removes a message's files (msglog, -H, -D, -J, split or not) with Exim's texts and log lines. */
public final class MessageRemoval {
    private final Spool spool;
    private final QueueLog log;
    private final String user;

    public MessageRemoval(Spool spool, QueueLog log, String user) {
        this.spool = spool;
        this.log = log;
        this.user = user;
    }

    /** False when anything was missing or failed, which makes Exim's exit status 1. */
    public boolean remove(String id, PrintStream out) {
        try (LockedMessage message = LockedMessage.open(spool, id, true, log, out).orElse(null)) {
            if (message == null) {
                return false;
            }
            boolean ok = message.complete;
            boolean removed = false;
            Latin1.print(out, "Message " + id + " ");
            // the -H file first: without it no process takes the message for a live one
            for (Path f : candidates(id)) {
                try {
                    removed |= Files.deleteIfExists(f);
                } catch (IOException e) {
                    ok = false;
                    Latin1.print(out, "Error while removing " + f + ": " + Errors.text(e) + "\n");
                }
            }
            Latin1.print(out, message.lock != null ? "has been removed\n" : "has been removed or did not exist\n");
            if (removed) {
                log.write(id, "removed by " + user);
                log.write(id, "Completed");
            }
            return ok;
        }
    }

    private List<Path> candidates(String id) {
        Path input = spool.root().resolve("input");
        Path msglog = spool.root().resolve("msglog");
        String sub = id.substring(5, 6);
        return List.of(input.resolve(id + "-H"), input.resolve(sub).resolve(id + "-H"),
            msglog.resolve(id), msglog.resolve(sub).resolve(id),
            input.resolve(id + "-D"), input.resolve(sub).resolve(id + "-D"),
            input.resolve(id + "-J"), input.resolve(sub).resolve(id + "-J"));
    }
}
