package org.jexim.cli;

import java.io.PrintStream;
import java.time.Instant;

import org.jexim.queuetools.FreezeThaw;

/** -Mf ID... and -Mt ID...: freeze or thaw messages; status 1 if any was not changed. */
final class FreezeThawCommand extends EachMessageCommand {
    @Override
    boolean act(QueueContext context, CommandLine line, String id, PrintStream out) throws Exception {
        FreezeThaw action = new FreezeThaw(context.spool(), context.log(), QueueContext.user());
        return line.mode().equals("-Mf") ? action.freeze(id, Instant.now().getEpochSecond(), out)
                : action.thaw(id, out);
    }
}
