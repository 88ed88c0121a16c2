package org.jexim.cli;

import java.time.Instant;
import java.util.Optional;

import org.jexim.queuetools.FreezeThaw;

/** -Mf ID... and -Mt ID...: freeze or thaw messages; status 1 if any was not changed. */
final class FreezeThawCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        if (!QueueContext.idsValid(line, false)) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        FreezeThaw action = new FreezeThaw(context.get().spool(), context.get().log(), QueueContext.user());
        boolean ok = true;
        for (String id : line.arguments()) {
            ok &= line.mode().equals("-Mf") ? action.freeze(id, Instant.now().getEpochSecond(), line.out())
                : action.thaw(id, line.out());
        }
        line.out().flush();
        return ok ? 0 : 1;
    }
}
