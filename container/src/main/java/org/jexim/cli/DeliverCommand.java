package org.jexim.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

import org.jexim.queuetools.DeliveryRequests;
import org.jexim.queuetools.FreezeThaw;

/**
 * -M, -Mc, -Mg ID...: deliver messages now. jexim delivers only inside its daemon, so these ask
 * the running daemon through {@link DeliveryRequests} (-M first thaws a frozen message, as
 * Exim's forced delivery does) and wait until it has taken the request. With no daemon running,
 * or for -Mg (giving up needs the daemon's bounce code), they say so and exit 1.
 */
final class DeliverCommand implements Command {
    static final Duration REQUEST_WAIT = Duration.ofSeconds(10);

    @Override
    public int run(CommandLine line) throws Exception {
        if (!QueueContext.idsValid(line, false)) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        QueueContext queue = context.get();
        Optional<Long> daemon = runningDaemon(queue);
        int status = 0;
        for (String id : line.arguments()) {
            if (!Files.exists(queue.spool().dataFile(id))) {
                queue.log().write(id, "Spool file " + id + "-D not found");
                continue;
            }
            if (daemon.isEmpty()) {
                line.err().println("jexim: cannot deliver " + id + " now: the jexim daemon is not running, and jexim"
                    + " delivers only in its daemon; start it with 'jexim -bd', and it tries every queued message"
                    + " that is not frozen");
                status = 1;
            } else if (line.mode().equals("-Mg")) {
                line.err().println("jexim: cannot give up on " + id + ": bouncing a message on request is not"
                    + " implemented yet (remove it with -Mrm, or let it time out)");
                status = 1;
            } else {
                if (line.mode().equals("-M")) {
                    new FreezeThaw(queue.spool(), queue.log(), QueueContext.user()).thawForDelivery(id);
                }
                if (!new DeliveryRequests(queue.spool().root()).request(id, REQUEST_WAIT)) {
                    line.err().println("jexim: the daemon (pid " + daemon.get() + ") did not take the request to"
                        + " deliver " + id + " within " + REQUEST_WAIT.toSeconds() + "s");
                    status = 1;
                }
            }
        }
        return status;
    }

    /** The pid in SPOOL/jexim-daemon.pid when that process is alive. */
    static Optional<Long> runningDaemon(QueueContext context) {
        try {
            long pid = Long.parseLong(Files.readString(context.pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
