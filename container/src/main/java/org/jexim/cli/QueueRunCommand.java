package org.jexim.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jexim.queuetools.FreezeThaw;
import org.jexim.queuetools.QueueRunRequest;
import org.jexim.queuetools.QueueSelection;

/**
 * One queue run now: {@code -q}, {@code -qf} (retry times ignored), {@code -qff} (frozen
 * messages too), {@code -qi} (first deliveries only), {@code -qq} (two stages: every message
 * routed first, then delivered, see QueueRunScope), optionally with a first and last message id; {@code -R[f|ff|r] STRING}
 * and {@code -S[f|ff|r] STRING} for the messages with a recipient (not yet delivered) or a sender
 * containing STRING, or matching it as a regex. As with -M the run happens in the daemon, or in a
 * delivery process of the command's own when none runs; it logs "Start queue run" and "End queue
 * run", and the command returns when the run is over. A -q
 * with an interval belongs with -bd.
 */
final class QueueRunCommand implements Command {
    private static final Pattern RUN = Pattern.compile("-q(q?)(i?)(f{0,2})(l?)");
    private static final Pattern SELECT = Pattern.compile("-([RS])(r?)(f{0,2})(r?)");

    @Override
    public int run(CommandLine line) throws Exception {
        Optional<Plan> plan = plan(line);
        if (plan.isEmpty()) {
            return 1;
        }
        Optional<QueueContext> context = QueueContext.load(line);
        if (context.isEmpty()) {
            return 1;
        }
        QueueContext queue = context.get();
        Plan p = plan.get();
        Optional<List<String>> ids = Optional.empty();
        if (p.selective()) {
            ids = Optional.of(new QueueSelection(queue.spool()).select(p.criteria()));
            if (p.criteria().thawing()) {
                new FreezeThaw(queue.spool(), queue.log(), QueueContext.user()).thawAllForDelivery(ids.get());
            }
        }
        return DeliverCommand.served(line, queue, QueueRunRequest.run(p.force(), p.detail(), ids), "the queue run") ? 0 : 1;
    }

    /** What the command line asks: the selection, whether forced, and Exim's log detail. */
    record Plan(QueueSelection.Criteria criteria, boolean force, String detail, boolean selective) {
    }

    static Optional<Plan> plan(CommandLine line) {
        String mode = line.mode();
        Matcher run = RUN.matcher(mode);
        Matcher select = SELECT.matcher(mode);
        if (run.matches()) {
            List<String> args = line.arguments();
            boolean thawing = run.group(3).length() == 2;
            boolean first = !run.group(2).isEmpty();
            Optional<String> start = args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
            Optional<String> stop = args.size() < 2 ? Optional.empty() : Optional.of(args.get(1));
            QueueSelection.Criteria c = new QueueSelection.Criteria(thawing, first, QueueSelection.Match.ANY,
                QueueSelection.Match.ANY, start, stop);
            String extras = run.group(1) + run.group(2) + run.group(3) + run.group(4);
            return Optional.of(new Plan(c, !run.group(3).isEmpty(), extras.isEmpty() ? "" : "-q" + extras,
                thawing || first || !args.isEmpty()));
        }
        if (select.matches()) {
            if (line.arguments().isEmpty()) {
                line.err().println("exim: string expected after " + mode);
                return Optional.empty();
            }
            String text = line.arguments().get(0);
            boolean regex = !select.group(2).isEmpty() || !select.group(4).isEmpty();
            String f = select.group(3);
            QueueSelection.Match match = new QueueSelection.Match(Optional.of(text), regex);
            boolean recipient = select.group(1).equals("R");
            QueueSelection.Criteria c = new QueueSelection.Criteria(f.length() == 2, false,
                recipient ? match : QueueSelection.Match.ANY, recipient ? QueueSelection.Match.ANY : match,
                Optional.empty(), Optional.empty());
            String detail = (f.isEmpty() ? "" : "-q" + f + " ") + "-" + select.group(1) + (regex ? "r" : "") + " " + text;
            return Optional.of(new Plan(c, true, detail, true));
        }
        line.err().println("jexim: " + mode + ": periodic queue runs are the daemon's; start it with"
            + " 'jexim -bd " + mode + "' (as 'exim -bd -q30m'), or use -q, -qf or -qff for one run now");
        return Optional.empty();
    }
}
