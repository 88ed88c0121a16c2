package org.jexim.filter;

import java.util.List;
import java.util.Map;

/**
 * One command of an Exim filter, as read (arguments not yet expanded). {@code seen} is whether
 * obeying it makes the delivery significant; {@code noerror} that its delivery errors are ignored.
 */
sealed interface FilterCommand {
    /** add VALUE to nN. */
    record Add(String value, String variable) implements FilterCommand {
    }

    /** deliver ADDRESS [errors_to ADDRESS]. */
    record Deliver(String address, String errorsTo, boolean seen, boolean noerror) implements FilterCommand {
    }

    /** save PATH [MODE]; mode -1 when not given. */
    record Save(String path, int mode, boolean seen, boolean noerror) implements FilterCommand {
    }

    /** pipe COMMAND (expanded in the pipe transport, not here). */
    record Pipe(String command, boolean seen, boolean noerror) implements FilterCommand {
    }

    /** logfile PATH [MODE]. */
    record Logfile(String path, int mode, boolean seen) implements FilterCommand {
    }

    /** logwrite TEXT (always ending with a newline). */
    record Logwrite(String text, boolean seen) implements FilterCommand {
    }

    /** testprint TEXT. */
    record Testprint(String text, boolean seen) implements FilterCommand {
    }

    /** headers add|remove|charset TEXT. */
    record Headers(HeadersAction action, String text) implements FilterCommand {
    }

    /** defer, fail, freeze [text] MESSAGE. */
    record Stop(StopKind kind, String message) implements FilterCommand {
    }

    /** finish. */
    record Finish(boolean seen) implements FilterCommand {
    }

    /** if/elif/else/endif: the first branch whose condition holds, else the else commands. */
    record If(List<Branch> branches, List<FilterCommand> otherwise) implements FilterCommand {
    }

    /** One if or elif with its commands. */
    record Branch(Condition condition, List<FilterCommand> commands) {
    }

    /** mail or vacation, with its keyword arguments (to, cc, subject, text, file, once ...). */
    record Mail(boolean vacation, Map<String, String> args, boolean expandFile, boolean returnMessage,
                boolean seen, boolean noerror) implements FilterCommand {
    }

    /** What a headers command does. */
    enum HeadersAction { ADD, REMOVE, CHARSET }

    /** The commands that end filtering with a result other than delivered/not delivered. */
    enum StopKind { DEFER, FAIL, FREEZE }
}
