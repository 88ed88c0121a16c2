package org.jexim.cli;

import java.util.Optional;

import org.jexim.queuetools.MessageView;

/** -Mvh, -Mvb, -Mvl, -Mvc: one message's header file, body file, message log, or whole text. */
final class MessageViewCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        if (!QueueContext.idsValid(line, true)) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        String id = line.arguments().get(0);
        MessageView view = new MessageView(context.get().spool(), context.get().messageLogs(), context.get().log());
        boolean ok;
        if (line.mode().equals("-Mvc")) {
            ok = view.copy(id, line.out());
        } else if (line.arguments().size() > 1) {
            line.out().println("*** Only one message can be listed at once");
            ok = false;
        } else {
            ok = view.show(switch (line.mode()) {
                case "-Mvh" -> MessageView.Part.HEADER;
                case "-Mvb" -> MessageView.Part.BODY;
                default -> MessageView.Part.LOG;
            }, id, line.out());
        }
        line.out().flush();
        return ok ? 0 : 1;
    }
}
