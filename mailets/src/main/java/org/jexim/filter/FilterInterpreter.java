package org.jexim.filter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.conf.expand.AddressParser;
import org.jexim.conf.expand.Printing;
import org.jexim.conf.expand.Variables;
import org.jexim.conf.options.EximTime;
import org.jexim.filter.FilterResult.Outcome;

/**
 * Runs a parsed Exim filter (filter.c's interpret_commands): expands each command's arguments,
 * records the deliveries it sets up, and under -bf prints what would happen instead.
 */
public final class FilterInterpreter {
    private final FilterSetup setup;
    private final FilterState state;
    private final FilterExpander expander;
    private final ConditionTester tester;
    private final List<FilterAction> actions = new ArrayList<>();
    private int indent;

    private FilterInterpreter(FilterSetup setup, FilterState state) {
        this.setup = setup;
        this.state = state;
        this.expander = new FilterExpander(new FilterContext(setup.base(), state));
        this.tester = new ConditionTester(setup, state, expander);
    }

    /**
     * Parses and runs a filter; {@code sn} are the system filter's final $n values ($sn0..$sn9),
     * or null. Under -bf ({@link FilterSetup#testOutput}) the summary line is printed too.
     */
    public static FilterResult run(String text, FilterSetup setup, FilterMessage message, FilterAddress address,
                                   int[] sn) {
        FilterState state = new FilterState(message, address, sn);
        FilterInterpreter interpreter = new FilterInterpreter(setup, state);
        interpreter.text = text;
        FilterResult result = Variables.whileFiltering(interpreter::parseAndRun);
        if (setup.testing()) {
            setup.testOutput().print(result.summary() + "\n");
        }
        return result;
    }

    private FilterResult parseAndRun() {
        Outcome outcome;
        String message = null;
        try {
            List<FilterCommand> commands = FilterParser.parse(text, setup.permissions());
            outcome = runList(commands);
        } catch (FilterException e) {
            outcome = Outcome.ERROR;
            message = e.getMessage();
        } catch (Stop s) {
            outcome = s.outcome;
            message = s.getMessage();
        }
        return new FilterResult(outcome, message, List.copyOf(actions), state.n().clone(), state.message());
    }

    private String text;

    /** A defer, fail or freeze command: filtering ends with its message. */
    private static final class Stop extends Exception {
        private final Outcome outcome;

        Stop(Outcome outcome, String message) {
            super(message, null, false, false);
            this.outcome = outcome;
        }
    }

    private PrintStream out() {
        return setup.testOutput();
    }

    /** Exim indents nested output only in debug output, which -bf does not print. */
    private String pad() {
        return "";
    }

    private Outcome runList(List<FilterCommand> commands) throws FilterException, Stop {
        for (FilterCommand command : commands) {
            if (command instanceof FilterCommand.If c) {
                String saved = state.thisAddress();
                Outcome o = runIf(c);
                state.thisAddress(saved);
                if (state.finished) {
                    return o;
                }
            } else if (command instanceof FilterCommand.Finish f) {
                if (f.seen()) {
                    state.delivered = true;
                }
                if (setup.testing()) {
                    out().print(pad() + (f.seen() ? "Seen f" : "F") + "inish\n");
                }
                state.finished = true;
                return current();
            } else {
                obey(command);
            }
        }
        return current();
    }

    private Outcome current() {
        return state.delivered ? Outcome.DELIVERED : Outcome.NOT_DELIVERED;
    }

    private Outcome runIf(FilterCommand.If c) throws FilterException, Stop {
        List<FilterCommand> chosen = c.otherwise();
        for (FilterCommand.Branch b : c.branches()) {
            if (tester.test(b.condition())) {
                chosen = b.commands();
                break;
            }
        }
        indent += 2;
        try {
            return runList(chosen);
        } finally {
            indent -= 2;
        }
    }

    private void obey(FilterCommand command) throws FilterException, Stop {
        if (command instanceof FilterCommand.Add c) {
            add(c);
        } else if (command instanceof FilterCommand.Deliver c) {
            deliver(c);
        } else if (command instanceof FilterCommand.Save c) {
            save(c);
        } else if (command instanceof FilterCommand.Pipe c) {
            pipe(c);
        } else if (command instanceof FilterCommand.Logfile c) {
            logfile(c);
        } else if (command instanceof FilterCommand.Logwrite c) {
            logwrite(c);
        } else if (command instanceof FilterCommand.Testprint c) {
            String s = expander.command(c.text(), "testprint");
            if (c.seen()) {
                state.delivered = true;
            }
            if (setup.testing()) {
                out().print("Testprint: " + Printing.printing(s) + "\n");
            }
        } else if (command instanceof FilterCommand.Headers c) {
            headers(c);
        } else if (command instanceof FilterCommand.Stop c) {
            stop(c);
        } else if (command instanceof FilterCommand.Mail c) {
            mail(c);
        }
    }

    private void add(FilterCommand.Add c) throws FilterException {
        String value = expander.command(c.value(), "add");
        String variable = expander.command(c.variable(), "add");
        if (variable.length() != 2 || variable.charAt(0) != 'n') {
            throw new FilterException("unknown variable \"" + variable + "\" in \"add\" command");
        }
        String v = value;
        while (v.startsWith("--")) {
            v = v.substring(2);
        }
        long[] a = strtol(v);
        long[] n = strtol(variable.substring(1));
        if (a == null) {
            throw new FilterException("malformed number \"" + v + "\" in \"add\" command");
        }
        if (n == null || n[0] < 0 || n[0] > 9) {
            throw new FilterException("malformed number \"" + variable.substring(1) + "\" in \"add\" command");
        }
        state.n()[(int) n[0]] += (int) a[0];
        if (setup.testing()) {
            out().print("Add " + (int) a[0] + " to n" + n[0] + "\n");
        }
    }

    /** C strtol with base 0 over the whole string; null when characters are left over. */
    private static long[] strtol(String s) {
        String t = s.stripLeading();
        boolean neg = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0") && t.length() > 1) {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return s.isBlank() || s.strip().matches("[+-]?0?") ? new long[] {0} : null;
        }
        try {
            long v = Long.parseLong(t, radix);
            return new long[] {neg ? -v : v};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String qualify(String text) throws FilterException {
        String[] err = new String[1];
        AddressParser.Parsed p = AddressParser.extract(text, err);
        if (p == null) {
            throw new FilterException("malformed address \"" + text + "\" in filter file: " + err[0]);
        }
        if (p.domain() == 0 && !p.address().isEmpty()) {
            String q = expander.variable("qualify_recipient");
            return p.address() + "@" + (q.isEmpty() ? expander.variable("qualify_domain") : q);
        }
        return p.address();
    }

    private void deliver(FilterCommand.Deliver c) throws FilterException {
        String address = qualify(expander.command(c.address(), "deliver"));
        String errorsTo = c.errorsTo() == null ? null : qualify(expander.command(c.errorsTo(), "deliver"));
        if (errorsTo != null && !setup.permissions().system()
                && !state.address().address().equalsIgnoreCase(errorsTo)) {
            throw new FilterException("errors_to must point to the caller's address");
        }
        if (c.seen()) {
            state.delivered = true;
        }
        if (setup.testing()) {
            out().print(pad() + (c.seen() ? "D" : "Unseen d") + "eliver message to: " + address
                    + (c.noerror() ? " (noerror)" : "") + (errorsTo != null ? " errors_to " + errorsTo : "") + "\n");
        } else {
            actions.add(new FilterAction.Deliver(address, errorsTo, c.noerror()));
        }
    }

    private void save(FilterCommand.Save c) throws FilterException {
        String path = expander.command(c.path(), "save");
        if (c.seen()) {
            state.delivered = true;
        }
        if (setup.testing()) {
            out().print(pad() + (c.seen() ? "S" : "Unseen s") + "ave message to: " + path
                    + (c.mode() < 0 ? "" : String.format(" %04o", c.mode())) + (c.noerror() ? " (noerror)" : "") + "\n");
            return;
        }
        String home = state.address().home();
        if (!path.startsWith("/") && home != null && !home.isEmpty()) {
            path = home + "/" + path;
        }
        actions.add(new FilterAction.Save(path, c.mode(), c.noerror()));
    }

    private void pipe(FilterCommand.Pipe c) {
        if (c.seen()) {
            state.delivered = true;
        }
        String command = c.command();
        if (setup.testing()) {
            out().print(pad() + (c.seen() ? "P" : "Unseen p") + "ipe message to: " + command
                    + (c.noerror() ? " (noerror)" : "") + "\n");
            return;
        }
        if (!command.startsWith("|")) {
            command = "|" + command;
        }
        List<String> captures = new ArrayList<>();
        captures.add(state.thisAddress() == null ? "" : state.thisAddress());
        if (state.captures() != null) {
            captures.addAll(List.of(state.captures()));
        }
        actions.add(new FilterAction.Pipe(command, captures, c.noerror()));
    }

    private void logfile(FilterCommand.Logfile c) throws FilterException {
        String path = expander.command(c.path(), "logfile");
        if (c.seen()) {
            state.delivered = true;
        }
        state.logMode = c.mode() == -1 ? 0600 : c.mode();
        state.logFile = path;
        if (setup.testing()) {
            out().print(pad() + (c.seen() ? "Seen l" : "L") + "ogfile " + path + "\n");
        }
    }

    private void logwrite(FilterCommand.Logwrite c) throws FilterException {
        String s = expander.command(c.text(), "logwrite");
        if (c.seen()) {
            state.delivered = true;
        }
        if (setup.testing()) {
            out().print(pad() + (c.seen() ? "Seen l" : "L") + "ogwrite \"" + Printing.printing(s) + "\"\n");
            return;
        }
        if (!setup.permissions().logwrite()) {
            throw new FilterException("logwrite command forbidden");
        }
        if (!setup.permissions().realLog()) {
            return;
        }
        if (state.logFile == null) {
            throw new FilterException("attempt to obey \"logwrite\" command without a previous \"logfile\"");
        }
        try {
            Files.write(Path.of(state.logFile), s.getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new FilterException("failed to open filter log file \"" + state.logFile + "\": " + e.getMessage());
        }
    }

    private void headers(FilterCommand.Headers c) throws FilterException {
        String s = expander.command(c.text(), "headers");
        if (setup.testing()) {
            out().print("Headers " + c.action().name().toLowerCase(java.util.Locale.ROOT) + " \""
                    + Printing.printing(s) + "\"\n");
        }
        FilterMessage m = state.message();
        switch (c.action()) {
            case ADD -> {
                String h = s.stripLeading();
                if (!h.isEmpty()) {
                    List<String> lines = new ArrayList<>(m.headerLines());
                    lines.add(h.endsWith("\n") ? h : h + "\n");
                    state.message(m.withHeaders(lines));
                }
            }
            case REMOVE -> {
                List<String> lines = new ArrayList<>(m.headerLines());
                for (String name : s.split(":")) {
                    String n = name.strip();
                    if (!n.isEmpty()) {
                        lines.removeIf(l -> l.length() > n.length() && l.regionMatches(true, 0, n, 0, n.length())
                                && (l.charAt(n.length()) == ':' || FilterLexer.isSpace(l.charAt(n.length()))));
                    }
                }
                state.message(m.withHeaders(lines));
            }
            case CHARSET -> state.headersCharset = s;
        }
    }

    private void stop(FilterCommand.Stop c) throws FilterException, Stop {
        String name = c.kind().name().toLowerCase(java.util.Locale.ROOT);
        String s = expander.command(c.message(), name);
        String msg = Printing.printing(s.length() > 1024 ? s.substring(0, 1000) + " ... (truncated)" : s);
        if (msg.endsWith("\n")) {
            msg = msg.substring(0, msg.length() - 1);
        }
        if (setup.testing()) {
            out().print(pad() + Character.toUpperCase(name.charAt(0)) + name.substring(1) + " text \"" + msg + "\"\n");
        }
        throw new Stop(Outcome.valueOf(c.kind().name()), msg);
    }

    private void mail(FilterCommand.Mail c) throws FilterException {
        String name = c.vacation() ? "vacation" : "mail";
        Map<String, String> args = new LinkedHashMap<>();
        for (String key : FilterParser.MAIL_ARGS) {
            String v = c.args().get(key);
            if (v != null) {
                args.put(key, expander.command(v, name));
            }
        }
        if (c.seen()) {
            state.delivered = true;
        }
        String returnPath = state.message().returnPath() == null ? state.message().sender()
                : state.message().returnPath();
        if (returnPath == null || returnPath.isEmpty()) {
            if (setup.testing()) {
                out().print(name + " command ignored because return_path is empty\n");
            }
            return;
        }
        MailArguments.check(args, name);
        if (setup.testing()) {
            MailArguments.print(out(), pad(), c, args);
            return;
        }
        String to = args.get("to");
        if (to == null) {
            to = state.message().replyAddress();
        }
        to = to.stripLeading().replace('\n', ' ');
        args.put("to", to);
        int onceRepeat = 0;
        if (args.get("once_repeat") != null) {
            onceRepeat = EximTime.read(args.get("once_repeat"));
            if (onceRepeat < 0) {
                throw new FilterException("Bad time value for \"once_repeat\" in mail or vacation command: "
                        + args.get("once_repeat"));
            }
        }
        actions.add(new FilterAction.Reply(logAddress(to), args, c.expandFile(), c.returnMessage(), onceRepeat,
                c.noerror()));
    }

    /** The pseudo-address of a reply in the log: ">a@b,c@d", or ">**bad-reply**". */
    private static String logAddress(String to) {
        StringBuilder b = new StringBuilder();
        for (AddressParser.Parsed p : AddressParser.extractAll(to)) {
            if (p != null && !p.address().isEmpty()) {
                b.append(b.length() == 0 ? ">" : ",").append(p.address());
                if (b.length() > 256) {
                    b.append(", ...");
                    break;
                }
            }
        }
        return b.length() == 0 ? ">**bad-reply**" : b.toString();
    }
}
