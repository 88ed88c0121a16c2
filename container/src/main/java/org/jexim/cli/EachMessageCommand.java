package org.jexim.cli;

import java.io.PrintStream;
import java.util.Optional;

/**
 * A queue command that acts on each message id given (-Mf, -Mt, -Mrm ...): ids are checked
 * and the spool opened once, then {@link #act} runs per id; status 1 if any id failed.
 */
abstract class EachMessageCommand implements Command {
    @Override
    public final int run(CommandLine line) throws Exception {
        if (!QueueContext.idsValid(line, false)) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        boolean ok = true;
        for (String id : line.arguments()) {
            ok &= act(context.get(), line, id, line.out());
        }
        line.out().flush();
        return ok ? 0 : 1;
    }

    /** Acts on one message; false when it was not changed. */
    abstract boolean act(QueueContext context, CommandLine line, String id, PrintStream out) throws Exception;
}
