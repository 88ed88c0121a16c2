package org.jexim.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jexim.queuetools.DeliveryRequests;
import org.jexim.queuetools.FreezeThaw;
import org.jexim.queuetools.GiveUp;
import org.jexim.queuetools.QueueRunRequest;

/**
 * -M, -Mc, -Mg ID...: deliver messages now: the running daemon does it, asked through
 * {@link DeliveryRequests}, or a {@link DeliveryProcess} of the command's own when none runs; the
 * command returns once they are delivered (or tried). -M ignores retry times and first thaws a frozen message, as Exim's forced delivery does;
 * -Mc respects both; -Mg first marks the message given up ("cancelled by USER"), so that every
 * recipient fails with "delivery cancelled by administrator" and the sender gets a bounce.
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
        boolean forced = !line.mode().equals("-Mc");
        FreezeThaw thaw = new FreezeThaw(queue.spool(), queue.log(), QueueContext.user());
        int status = 0;
        List<String> ids = new java.util.ArrayList<>();
        for (String id : line.arguments()) {
            if (!Files.exists(queue.spool().dataFile(id))) {
                queue.log().write(id, "Spool file " + id + "-D not found");
                continue;
            }
            if (forced) {
                thaw.thawForDelivery(id);
            }
            if (line.mode().equals("-Mg") && !new GiveUp(queue.spool(), queue.log(), QueueContext.user()).mark(id, line.err())) {
                status = 1;
                continue;
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return status;
        }
        return served(line, queue, QueueRunRequest.deliver(forced, ids), "the request") ? status : 1;
    }

    /**
     * Has the running daemon serve the request, or a delivery process of this command's own when
     * none runs (as Exim forks one); false, with the reason on stderr, when it was not done.
     */
    static boolean served(CommandLine line, QueueContext queue, QueueRunRequest request, String what) throws Exception {
        Optional<Long> daemon = runningDaemon(queue);
        if (daemon.isEmpty()) {
            return DeliveryProcess.serveOnce(line, request) == DeliveryRequests.Outcome.DONE;
        }
        DeliveryRequests.Outcome outcome = new DeliveryRequests(queue.spool().root())
            .submit(request, REQUEST_WAIT, () -> runningDaemon(queue).isPresent());
        if (outcome != DeliveryRequests.Outcome.DONE) {
            line.err().println("jexim: the daemon (pid " + daemon.get() + ") "
                + (outcome == DeliveryRequests.Outcome.NOT_TAKEN ? "did not take " + what + " within "
                    + REQUEST_WAIT.toSeconds() + "s" : "stopped before " + what + " was over"));
            return false;
        }
        return true;
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
