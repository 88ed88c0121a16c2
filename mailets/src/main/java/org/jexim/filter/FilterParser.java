package org.jexim.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.filter.Condition.Comparison;
import org.jexim.filter.Condition.FlagKind;
import org.jexim.filter.FilterCommand.HeadersAction;
import org.jexim.filter.FilterCommand.StopKind;

/**
 * Reads an Exim filter file into commands, as filter.c's read_command_list does, with its
 * error texts. {@link FilterPermissions} says which commands the caller allows.
 */
public final class FilterParser {
    /** The keyword arguments of mail and vacation, in Exim's order (mailargs[]). */
    static final List<String> MAIL_ARGS = List.of("to", "cc", "bcc", "from", "reply_to", "subject",
            "extra_headers", "text", "file", "log", "once", "once_repeat");

    private enum Terminator { NEITHER, ELSE, ELIF, ENDIF }

    private final FilterLexer lx;
    private final FilterPermissions permissions;
    private int expectEndif;
    private Terminator hadElseEndif = Terminator.NEITHER;
    private boolean seenForce;
    private boolean seenValue;
    private boolean noerrorForce;

    private FilterParser(String text, FilterPermissions permissions) {
        this.lx = new FilterLexer(text);
        this.permissions = permissions;
    }

    /** Parses a whole filter file. */
    public static List<FilterCommand> parse(String text, FilterPermissions permissions) throws FilterException {
        FilterParser p = new FilterParser(text, permissions);
        p.lx.skipSpace(true);
        List<FilterCommand> commands = new ArrayList<>();
        p.readCommandList(commands, false);
        return commands;
    }

    private void readCommandList(List<FilterCommand> into, boolean conditional) throws FilterException {
        if (conditional) {
            expectEndif++;
        }
        hadElseEndif = Terminator.NEITHER;
        while (!lx.atEnd() && hadElseEndif == Terminator.NEITHER) {
            readCommand(into);
            lx.skipSpace(true);
        }
        if (conditional) {
            expectEndif--;
            if (hadElseEndif == Terminator.NEITHER) {
                throw new FilterException("\"endif\" missing at end of filter file");
            }
        }
    }

    private FilterException error(String text) {
        return new FilterException(text);
    }

    private void readCommand(List<FilterCommand> into) throws FilterException {
        String word;
        if (lx.startsWith("if(")) {
            word = "if";
            lx.skip(2);
        } else if (lx.startsWith("elif(")) {
            word = "elif";
            lx.skip(4);
        } else {
            word = lx.word(false);
        }
        boolean keepForce = false;
        switch (word) {
            case "add", "headers", "deliver", "logfile", "logwrite", "pipe", "save", "testprint" ->
                    into.add(readArgumentCommand(word));
            case "elif", "else", "endif" -> {
                if (seenForce || noerrorForce) {
                    throw error("\"seen\", \"unseen\", or \"noerror\" near line " + lx.line()
                            + " is not followed by a command");
                }
                if (expectEndif <= 0) {
                    throw error("unexpected \"" + word + "\" command near line " + lx.line() + " of filter file");
                }
                hadElseEndif = word.equals("elif") ? Terminator.ELIF : word.equals("else") ? Terminator.ELSE
                        : Terminator.ENDIF;
            }
            case "defer", "fail", "freeze" -> into.add(readStop(word));
            case "finish" -> into.add(new FilterCommand.Finish(seenForce && seenValue));
            case "if" -> into.add(readIf());
            case "mail", "vacation" -> into.add(readMail(word.equals("vacation")));
            case "seen", "unseen" -> {
                if (lx.atEnd()) {
                    throw error("\"seen\" or \"unseen\" near line " + lx.line() + " is not followed by a command");
                }
                if (seenForce) {
                    throw error("\"seen\" or \"unseen\" repeated near line " + lx.line());
                }
                seenValue = word.equals("seen");
                seenForce = true;
                keepForce = true;
            }
            case "noerror" -> {
                if (lx.atEnd()) {
                    throw error("\"noerror\" near line " + lx.line() + " is not followed by a command");
                }
                noerrorForce = true;
                keepForce = true;
            }
            default -> throw error("unknown filtering command \"" + word + "\" near line " + lx.line()
                    + " of filter file");
        }
        if (!keepForce) {
            seenForce = false;
            noerrorForce = false;
        }
    }

    /** Commands with one argument (two for add and headers, an optional mode or errors_to). */
    private FilterCommand readArgumentCommand(String command) throws FilterException {
        if ((command.equals("add") || command.equals("headers")) && (seenForce || noerrorForce)) {
            throw error("\"seen\", \"unseen\", or \"noerror\" found before an \"" + command + "\" command near line "
                    + lx.line());
        }
        String argument = lx.item(false);
        if (argument.isEmpty()) {
            throw error("\"" + command + "\" requires an argument near line " + lx.line() + " of filter file");
        }
        boolean seen = seenForce ? seenValue : command.equals("deliver") || command.equals("pipe")
                || command.equals("save");
        switch (command) {
            case "add": {
                String to = lx.item(false);
                if (!to.equals("to")) {
                    throw error("\"to\" expected in \"add\" command near line " + lx.line() + " of filter file");
                }
                String variable = lx.item(false);
                if (variable.isEmpty()) {
                    throw error("value missing after \"to\" near line " + lx.line() + " of filter file");
                }
                return new FilterCommand.Add(argument, variable);
            }
            case "headers": {
                HeadersAction action = switch (argument) {
                    case "add" -> HeadersAction.ADD;
                    case "remove" -> HeadersAction.REMOVE;
                    case "charset" -> HeadersAction.CHARSET;
                    default -> null;
                };
                if (!permissions.system() && action != HeadersAction.CHARSET) {
                    throw error("header addition and removal is available only in system filters: near line "
                            + lx.line() + " of filter file");
                }
                if (action == null) {
                    throw error("\"add\", \"remove\", or \"charset\" expected after \"headers\" near line "
                            + lx.line() + " of filter file");
                }
                String text = lx.item(false);
                if (text.isEmpty()) {
                    throw error("value missing after \"add\", \"remove\", or \"charset\" near line " + lx.line()
                            + " of filter file");
                }
                return new FilterCommand.Headers(action, text);
            }
            case "logwrite":
                return new FilterCommand.Logwrite(argument.endsWith("\n") ? argument : argument + "\n", seen);
            case "save":
                return new FilterCommand.Save(argument, readMode(), seen, noerrorForce);
            case "logfile":
                return new FilterCommand.Logfile(argument, readMode(), seen);
            case "deliver": {
                int save = lx.mark();
                String errorsTo = null;
                if (lx.word(false).equals("errors_to")) {
                    errorsTo = lx.word(false);
                } else {
                    lx.reset(save);
                }
                return new FilterCommand.Deliver(argument, errorsTo, seen, noerrorForce);
            }
            case "pipe":
                return new FilterCommand.Pipe(argument, seen, noerrorForce);
            default:
                return new FilterCommand.Testprint(argument, seen);
        }
    }

    /** The optional octal mode after save and logfile; -1 when absent. */
    private int readMode() throws FilterException {
        char c = lx.peek();
        if (c < '0' || c > '9') {
            return -1;
        }
        String w = lx.word(false);
        int i = 0;
        int v = 0;
        while (i < w.length() && w.charAt(i) >= '0' && w.charAt(i) <= '7') {
            v = v * 8 + w.charAt(i++) - '0';
        }
        return v;
    }

    private FilterCommand readStop(String word) throws FilterException {
        StopKind kind = StopKind.valueOf(word.toUpperCase(java.util.Locale.ROOT));
        boolean allowed = switch (kind) {
            case DEFER -> permissions.defer();
            case FAIL -> permissions.fail();
            case FREEZE -> permissions.freeze();
        };
        if (!allowed) {
            throw error("filtering command \"" + word + "\" is disabled: near line " + lx.line() + " of filter file");
        }
        int save = lx.mark();
        boolean quoted = lx.peek() == '"';
        String item = lx.item(false);
        String message;
        if (!quoted && !item.equals("text")) {
            lx.reset(save);
            message = "";
        } else {
            message = quoted ? item : lx.item(false);
        }
        seenValue = false;
        return new FilterCommand.Stop(kind, message);
    }

    private FilterCommand readIf() throws FilterException {
        if (seenForce || noerrorForce) {
            throw error("\"seen\", \"unseen\", or \"noerror\" found before an \"if\" command near line " + lx.line());
        }
        List<FilterCommand.Branch> branches = new ArrayList<>();
        Condition condition = readCondition(true);
        List<FilterCommand> then = new ArrayList<>();
        readCommandList(then, true);
        branches.add(new FilterCommand.Branch(condition, then));
        while (hadElseEndif == Terminator.ELIF) {
            Condition c = readCondition(true);
            List<FilterCommand> commands = new ArrayList<>();
            readCommandList(commands, true);
            branches.add(new FilterCommand.Branch(c, commands));
        }
        List<FilterCommand> otherwise = new ArrayList<>();
        if (hadElseEndif == Terminator.ELSE) {
            readCommandList(otherwise, true);
            if (hadElseEndif != Terminator.ENDIF) {
                throw error("\"endif\" missing near line " + lx.line() + " of filter file");
            }
        }
        hadElseEndif = Terminator.NEITHER;
        return new FilterCommand.If(branches, otherwise);
    }

    private FilterCommand readMail(boolean vacation) throws FilterException {
        Map<String, String> args = new LinkedHashMap<>();
        boolean expand = false;
        boolean returnMessage = false;
        boolean seen = seenForce && seenValue;
        boolean noerror = noerrorForce;
        while (true) {
            int save = lx.mark();
            String word = lx.word(false);
            if (word.equals("return")) {
                returnMessage = true;
                if (!lx.word(false).equals("message")) {
                    throw error("\"return\" not followed by \"message\"  near line " + lx.line() + " of filter file");
                }
                continue;
            }
            if (word.equals("expand")) {
                expand = true;
                word = lx.word(false);
                if (!word.equals("file")) {
                    throw error("\"expand\" not followed by \"file\"  near line " + lx.line() + " of filter file");
                }
            }
            if (!MAIL_ARGS.contains(word)) {
                lx.reset(save);
                break;
            }
            args.put(word, lx.item(false));
        }
        if (vacation) {
            if (!args.containsKey("file")) {
                args.put("file", ".vacation.msg");
                expand = true;
            }
            args.putIfAbsent("log", ".vacation.log");
            args.putIfAbsent("once", ".vacation");
            args.putIfAbsent("once_repeat", "7d");
            args.putIfAbsent("subject", "On vacation");
        }
        return new FilterCommand.Mail(vacation, args, expand, returnMessage, seen, noerror);
    }

    /** read_condition: up to "then" (top level) or a closing bracket; "and" binds before "or". */
    private Condition readCondition(boolean toplevel) throws FilterException {
        boolean testfor = true;
        Condition or = null;
        Condition and = null;
        while (true) {
            Condition c;
            if (lx.atEnd()) {
                throw error("\"then\" missing at end of filter file");
            }
            if (lx.peek() == '(') {
                lx.skip(1);
                lx.skipSpace(true);
                c = readCondition(false);
                if (lx.peek() != ')') {
                    throw error("expected \")\" in line " + lx.line() + " of filter file");
                }
                if (!testfor) {
                    c = c.negate();
                    testfor = true;
                }
                lx.skip(1);
                lx.skipSpace(true);
            } else if (lx.peek() == ')') {
                throw error("unexpected \")\" in line " + lx.line() + " of filter file");
            } else {
                String word = lx.item(true);
                if (word.equals("then")) {
                    throw error("unexpected \"then\" near line " + lx.line() + " of filter file");
                }
                if (word.equals("not")) {
                    testfor = !testfor;
                    continue;
                }
                c = readSimpleCondition(word, testfor);
                testfor = true;
            }
            and = and == null ? c : new Condition.Junction(true, and, c, true);
            if (lx.peek() == ')') {
                if (toplevel) {
                    throw error("unexpected \")\" in line " + lx.line() + " of filter file");
                }
                break;
            }
            if (lx.peek() == '(') {
                throw error("unexpected \"(\" in line " + lx.line() + " of filter file");
            }
            String word = lx.word(false);
            if (word.equals("then")) {
                if (!toplevel) {
                    throw error("missing \")\" at end of condition near line " + lx.line() + " of filter file");
                }
                break;
            }
            if (word.equals("or")) {
                or = or == null ? and : new Condition.Junction(false, or, and, true);
                and = null;
            } else if (!word.equals("and")) {
                throw error("\"and\" or \"or\" or \"" + (toplevel ? "then" : ")") + "\" expected near line "
                        + lx.line() + " of filter file, but found \"" + word + "\"");
            }
        }
        lx.skipSpace(true);
        return or == null ? and : new Condition.Junction(false, or, and, true);
    }

    private Condition readSimpleCondition(String word, boolean testfor) throws FilterException {
        switch (word) {
            case "delivered":
                return new Condition.Flag(FlagKind.DELIVERED, testfor);
            case "error_message":
                return new Condition.Flag(FlagKind.ERROR_MESSAGE, testfor);
            case "first_delivery":
                return new Condition.Flag(FlagKind.FIRST_DELIVERY, testfor);
            case "manually_thawed":
                return new Condition.Flag(FlagKind.MANUALLY_THAWED, testfor);
            case "personal": {
                List<String> aliases = new ArrayList<>();
                while (true) {
                    int save = lx.mark();
                    if (!lx.word(true).equals("alias")) {
                        lx.reset(save);
                        break;
                    }
                    aliases.add(0, lx.item(true));
                }
                return new Condition.Personal(aliases, testfor);
            }
            case "foranyaddress": {
                String list = lx.item(true);
                if (lx.peek() != '(') {
                    throw error("\"(\" expected after \"foranyaddress\" near line " + lx.line() + " of filter file");
                }
                lx.skip(1);
                lx.skipSpace(true);
                Condition inner = readCondition(false);
                if (lx.peek() != ')') {
                    throw error("expected \")\" in line " + lx.line() + " of filter file");
                }
                lx.skip(1);
                lx.skipSpace(true);
                return new Condition.ForAnyAddress(list, inner, testfor);
            }
            default:
                return readComparison(word, testfor);
        }
    }

    private Condition readComparison(String left, boolean testfor) throws FilterException {
        Comparison type = null;
        Integer isMark = null;
        String w = lx.word(true);
        if (w.equalsIgnoreCase("does") || w.equalsIgnoreCase("is")) {
            if (w.charAt(0) == 'i') {
                type = Comparison.IS;
                isMark = lx.mark();
            } else if (w.charAt(0) == 'I') {
                type = Comparison.IS_CASE;
                isMark = lx.mark();
            }
            w = lx.word(true);
            if (w.equalsIgnoreCase("not")) {
                testfor = !testfor;
                if (isMark != null) {
                    isMark = lx.mark();
                }
                w = lx.word(true);
            }
        }
        Comparison word = Comparison.ofWord(w);
        if (word != null) {
            type = word;
        } else {
            if (isMark == null) {
                throw error("unrecognized condition word \"" + w + "\" near line " + lx.line() + " of filter file");
            }
            lx.reset(isMark);
        }
        String right = lx.item(true);
        return new Condition.Compare(type, left, right, testfor);
    }
}
