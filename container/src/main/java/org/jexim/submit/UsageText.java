package org.jexim.submit;

import java.io.PrintStream;

/** What Exim prints on stderr when it is given nothing to do. */
public final class UsageText {
    private UsageText() {
    }

    public static void print(PrintStream err) {
        err.println("Exim is a Mail Transfer Agent. It is normally called by Mail User Agents,");
        err.println("not directly from a shell command line. Options and/or arguments control");
        err.println("what it does when called. For a list of options, see the Exim documentation.");
    }
}
