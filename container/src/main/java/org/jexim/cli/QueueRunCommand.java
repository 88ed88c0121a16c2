package org.jexim.cli;

import java.io.IOException;
import java.util.Optional;

import org.jexim.queuetools.DeliveryRequests;
import org.jexim.queuetools.FreezeThaw;

/**
 * -q, -qf, -qff: one queue run now. As with -M, the run happens in the daemon: this files a
 * request and returns once the daemon has taken it (the daemon makes every waiting message due,
 * so -q and -qf do the same); -qff first thaws every frozen message, as Exim's does. A -q with an
 * interval belongs with -bd.
 */
final class QueueRunCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        String mode = line.mode();
        if (!mode.matches("-q(f|ff)?")) {
            line.err().println("jexim: " + mode + ": periodic queue runs are the daemon's; start it with"
                + " 'jexim -bd' (it tries queued messages itself), or use -q, -qf or -qff for one run now");
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        QueueContext queue = context.get();
        Optional<Long> daemon = DeliverCommand.runningDaemon(queue);
        if (daemon.isEmpty()) {
            line.err().println("jexim: cannot run the queue now: the jexim daemon is not running, and jexim"
                + " delivers only in its daemon; start it with 'jexim -bd'");
            return 1;
        }
        if (mode.equals("-qff")) {
            thawAll(queue);
        }
        if (!new DeliveryRequests(queue.spool().root()).request("queue-run", DeliverCommand.REQUEST_WAIT)) {
            line.err().println("jexim: the daemon (pid " + daemon.get() + ") did not take the queue run request within "
                + DeliverCommand.REQUEST_WAIT.toSeconds() + "s");
            return 1;
        }
        return 0;
    }

    private static void thawAll(QueueContext queue) throws IOException {
        FreezeThaw thaw = new FreezeThaw(queue.spool(), queue.log(), QueueContext.user());
        for (String id : queue.spool().messageIds(true)) {
            thaw.thawForDelivery(id);
        }
    }
}
