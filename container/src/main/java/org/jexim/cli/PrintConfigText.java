package org.jexim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** -bP config: the configure as Exim prints it (readconf.c print_config). */
final class PrintConfigText {
    private PrintConfigText() {
    }

    static int print(Path file, Map<String, String> macros, boolean admin, boolean terse, PrintStream out,
                     PrintStream err) {
        err.println("jexim: -bP config is not implemented yet");
        return 1;
    }
}
