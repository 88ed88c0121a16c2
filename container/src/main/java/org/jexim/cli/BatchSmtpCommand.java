package org.jexim.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.Translator;
import org.jexim.runtime.JeximRuntime;
import org.jexim.server.ServerPaths;
import org.jexim.smtp.BatchSession;
import org.jexim.submit.Caller;
import org.jexim.submit.SubmitRequest;
import org.jexim.submit.SubmitSettings;

/**
 * {@code -bS}: batched SMTP on standard input ({@link BatchSession}): no replies, each message
 * spooled as a local submission with protocol local-bsmtp and delivered as -bs's are; the first
 * error abandons the rest, with Exim's report on standard output and standard error and its exit
 * status (1 when messages were taken before it, 2 when none).
 */
final class BatchSmtpCommand extends LoggedCommand {
    @Override
    int run(CommandLine line, Configuration config, ServerPaths paths) throws Exception {
        SubmitSettings settings = SubmitSettings.of(config);
        SubmitRequest options = SubmitOptions.of(line);
        Path dir = Files.createTempDirectory("jexim-bS");
        try {
            Translator.translate(config).writeTo(dir);
            Optional<BatchSession.Failure> failure = new BatchSession(JeximRuntime.fromDirectory(dir)).run(
                    Caller.current().login(), new BufferedReader(new InputStreamReader(line.in(), StandardCharsets.ISO_8859_1)),
                    (session, sender, recipients, lines, terms) -> SmtpStdinCommand.spool(config, settings, paths, options,
                            line, session, "local-bsmtp", sender, recipients, lines, terms));
            if (failure.isEmpty()) {
                return 0;
            }
            line.out().print(failure.get().stdout());
            line.out().flush();
            line.err().print(failure.get().stderr());
            line.err().flush();
            return failure.get().status();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
