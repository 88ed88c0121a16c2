package org.jexim.cli;

import java.util.List;
import java.util.Optional;

import org.jexim.queuetools.EnvelopeEdit;

/**
 * -Mar ID ADDRESS..., -Mmd ID ADDRESS..., -Mes ID ADDRESS (one message, then addresses) and
 * -Mmad ID... (then one blank line, as Exim prints after a list of ids).
 */
final class EnvelopeEditCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        boolean all = line.mode().equals("-Mmad");
        if (!QueueContext.idsValid(line, !all)) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        EnvelopeEdit edit = new EnvelopeEdit(context.get().spool(), context.get().log(), QueueContext.user());
        boolean ok = true;
        if (all) {
            for (String id : line.arguments()) {
                ok &= edit.markAllDelivered(id, line.out());
            }
            line.out().println();
        } else {
            List<String> addresses = line.arguments().subList(1, line.arguments().size());
            EnvelopeEdit.Edit which = switch (line.mode()) {
                case "-Mar" -> EnvelopeEdit.Edit.ADD_RECIPIENT;
                case "-Mmd" -> EnvelopeEdit.Edit.MARK_DELIVERED;
                default -> EnvelopeEdit.Edit.EDIT_SENDER;
            };
            ok = edit.edit(which, line.arguments().get(0), addresses, line.out());
        }
        line.out().flush();
        return ok ? 0 : 1;
    }
}
