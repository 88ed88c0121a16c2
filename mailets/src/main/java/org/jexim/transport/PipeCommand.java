package org.jexim.transport;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.Expansion;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.options.EximStrings;

/**
 * A pipe command as Exim's transport_set_up_command takes it: split at white space, with
 * "double" (backslash escapes) and 'single' quoted arguments, then each argument expanded on
 * its own, so that an expansion never adds arguments and no shell is involved.
 */
public final class PipeCommand {
    private PipeCommand() {
    }

    /** The unexpanded arguments of {@code command}. */
    public static List<String> split(String command) {
        List<String> args = new ArrayList<>();
        int i = 0;
        int n = command.length();
        while (true) {
            while (i < n && Character.isWhitespace(command.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return args;
            }
            StringBuilder arg = new StringBuilder();
            char c = command.charAt(i);
            if (c == '"') {
                // string_dequote: escapes are interpreted here, and again by the expansion
                EximStrings.Dequoted d = EximStrings.dequote(command, i);
                arg.append(d.value());
                i = d.end();
            } else if (c == '\'') {
                for (i++; i < n && command.charAt(i) != '\''; i++) {
                    arg.append(command.charAt(i));
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(command.charAt(i))) {
                    arg.append(command.charAt(i++));
                }
            }
            args.add(arg.toString());
        }
    }

    /** The arguments, each expanded for this delivery. */
    public static List<String> expand(String command, ExpansionContext vars) throws ExpansionException {
        return expand(command, vars, List.of());
    }

    /**
     * The arguments, with an argument "$pipe_addresses" giving one argument per address of the
     * batch (which Exim leaves unchecked for taint). Any other argument built from message data
     * is refused, as Exim refuses it: an attacker must not choose a command's arguments.
     */
    static List<String> expand(String command, ExpansionContext vars, List<String> addresses) throws ExpansionException {
        List<String> out = new ArrayList<>();
        for (String a : split(command)) {
            if (a.equals("$pipe_addresses") || a.equals("${pipe_addresses}")) {
                out.addAll(addresses);
            } else {
                Expansion.Result r = Expander.parse(a).evaluateWithTaint(vars);
                if (r.tainted()) {
                    throw new TaintedArgument(out.size(), r.value());
                }
                out.add(r.value());
            }
        }
        return out;
    }

    /** An argument that holds message data; {@link #message} words it as Exim's log does. */
    public static final class TaintedArgument extends ExpansionException {
        private final int index;
        private final String value;

        TaintedArgument(int index, String value) {
            super("Tainted arg " + index + ": '" + value + "'");
            this.index = index;
            this.value = value;
        }

        /** Exim's text, {@code what} being for example "t_pipe transport". */
        public String message(String what) {
            return "Tainted arg " + index + " for " + what + " command: '" + value + "'";
        }
    }
}
