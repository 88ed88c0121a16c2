package org.jexim.cli;

import java.nio.file.Files;
import java.util.Optional;

/**
 * -M, -Mc, -Mg: deliver (or give up on) messages now. jexim delivers only inside its daemon,
 * and the daemon has no channel yet through which a command could ask it to try one message,
 * so this checks the ids, says plainly what happens instead, and exits 1 (Exim would exit 0
 * after trying).
 */
final class DeliverCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        if (!QueueContext.idsValid(line, false)) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        Optional<Long> daemon = runningDaemon(context.get());
        for (String id : line.arguments()) {
            if (!Files.exists(context.get().spool().headerFile(id))) {
                line.err().println("jexim: message " + id + " is not on the queue");
                continue;
            }
            String what = line.mode().equals("-Mg") ? "give up on " + id + " (bounce it)" : "deliver " + id;
            if (daemon.isEmpty()) {
                line.err().println("jexim: cannot " + what + " now: the jexim daemon is not running, and jexim"
                    + " delivers only in its daemon; start it with 'jexim -bd', which tries every queued message"
                    + " that is not frozen when it starts");
            } else {
                line.err().println("jexim: cannot " + what + " now: the running daemon (pid " + daemon.get()
                    + ") cannot be asked to; it tries the message at its next retry time"
                    + (line.mode().equals("-M") ? " (use -Mt first if it is frozen)" : ""));
            }
        }
        return 1;
    }

    /** The pid in SPOOL/jexim-daemon.pid when that process is alive. */
    private static Optional<Long> runningDaemon(QueueContext context) {
        try {
            long pid = Long.parseLong(Files.readString(context.pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
