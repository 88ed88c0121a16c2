package org.jexim.conf.expand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.jexim.conf.expand.be.BeConfig;
import org.jexim.conf.expand.be.BeContext;
import org.jexim.conf.expand.be.BeSession;

/**
 * jexim's -be on standard input with the configure file given as the argument, for tests that
 * must run it in another process (the NIS test runs it inside its own namespaces).
 */
public final class BeStdin {
    private BeStdin() {
    }

    public static void main(String[] args) throws Exception {
        Path conf = Path.of(args[0]);
        BeConfig c = BeConfig.read(conf, Map.of());
        PrintStream out = new PrintStream(System.out, false, java.nio.charset.StandardCharsets.ISO_8859_1);
        new BeSession(new BeContext(conf, c.options, c.namedLists()), c.macros, out, System.err).runInput(System.in);
        out.flush();
    }
}
