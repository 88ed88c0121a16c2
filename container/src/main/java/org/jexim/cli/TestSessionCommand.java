package org.jexim.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.Translator;
import org.jexim.log.EximLog;
import org.jexim.log.LogSink;
import org.jexim.smtp.TestSession;

/**
 * {@code -bh IP} and {@code -bhc IP}: a fake SMTP session from that host on stdin/stdout, the
 * configure's ACLs deciding as in the server; log lines go to stderr as {@code LOG: ...}.
 */
final class TestSessionCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        if (line.arguments().isEmpty()) {
            line.err().println("exim abandoned: unknown, malformed, or incomplete option " + line.mode());
            return 1;
        }
        Configuration config = ConfigLoader.load(line);
        if (config == null) {
            return 1;
        }
        Path dir = Files.createTempDirectory("jexim-bh");
        try {
            Translator.translate(config).writeTo(dir);
            EximLog.divert(stderr(line));
            TestSession.of(config, dir, System.out, "-bhc".equals(line.mode())).run(line.arguments().get(0),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.ISO_8859_1)));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static LogSink stderr(CommandLine line) {
        return new LogSink() {
            @Override
            public void main(String text) {
                line.err().println("LOG: " + text);
            }

            @Override
            public void reject(String text) {
                // Exim prints each rejection once, from the main log
            }

            @Override
            public void panic(String text) {
                line.err().println("LOG: " + text);
            }
        };
    }
}
