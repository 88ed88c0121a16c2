package org.jexim.cli;

import java.io.PrintStream;

import org.jexim.queuetools.MessageRemoval;

/** -Mrm ID...: remove messages; status 1 if any was missing or could not be removed. */
final class MessageRemoveCommand extends EachMessageCommand {
    @Override
    boolean act(QueueContext context, CommandLine line, String id, PrintStream out) throws Exception {
        return new MessageRemoval(context.spool(), context.log(), QueueContext.user()).remove(id, out);
    }
}
