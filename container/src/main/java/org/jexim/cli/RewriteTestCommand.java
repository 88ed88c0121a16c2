package org.jexim.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jexim.conf.model.Configuration;
import org.jexim.routing.rewrite.RewriteTest;
import org.jexim.routing.rewrite.Rewriter;

/** {@code -brw ADDRESS}: the address through the rewrite rules for every header and envelope field, as exim -brw. */
final class RewriteTestCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        Configuration config = ConfigLoader.load(line);
        if (config == null) {
            return 1;
        }
        PrintStream out = new PrintStream(line.out(), true, StandardCharsets.ISO_8859_1);
        Rewriter rewriter = MainSettings.of(config).rewriter();
        if (line.arguments().isEmpty()) {
            out.println("-brw needs an address argument");
            return 1;
        }
        RewriteTest.print(rewriter, line.arguments().get(0), out); // exim -brw takes one address

        out.flush();
        return 0;
    }
}
