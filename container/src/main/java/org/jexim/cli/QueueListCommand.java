package org.jexim.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jexim.queuetools.QueueListing;

/**
 * -bp, -bpa, -bpu and their unsorted forms -bpr, -bpra, -bpru (and mailq): the queue, or the
 * messages named, in Exim's layout. -bpc: the number of messages.
 */
final class QueueListCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        String mode = line.mode();
        if (!mode.matches("-bp(c|r?[au]?)")) {
            line.err().println("exim abandoned: unknown, malformed, or incomplete option " + mode);
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        if (mode.equals("-bpc")) {
            line.out().println(context.get().spool().messageIds(false).size());
            return 0;
        }
        QueueListing.Recipients which = mode.endsWith("a") ? QueueListing.Recipients.WITH_GENERATED
            : mode.endsWith("u") ? QueueListing.Recipients.UNDELIVERED : QueueListing.Recipients.ALL;
        QueueListing listing = new QueueListing(context.get().spool(), which, Instant.now().getEpochSecond());
        boolean explicit = !line.arguments().isEmpty();
        List<String> ids = explicit ? line.arguments() : context.get().spool().messageIds(!mode.startsWith("-bpr"));
        listing.list(ids, explicit, line.out());
        return 0;
    }
}
