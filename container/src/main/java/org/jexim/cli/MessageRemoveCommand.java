package org.jexim.cli;

import java.util.Optional;

import org.jexim.queuetools.MessageRemoval;

/** -Mrm ID...: remove messages; status 1 if any was missing or could not be removed. */
final class MessageRemoveCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        if (!QueueContext.idsValid(line, false)) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        MessageRemoval removal = new MessageRemoval(context.get().spool(), context.get().log(), QueueContext.user());
        boolean ok = true;
        for (String id : line.arguments()) {
            ok &= removal.remove(id, line.out());
        }
        line.out().flush();
        return ok ? 0 : 1;
    }
}
