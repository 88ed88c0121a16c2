package org.jexim.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.expand.be.BeContext;
import org.jexim.conf.expand.be.BeSession;

/**
 * -be: string expansion testing, as {@code exim -be}: each argument, or each line of standard
 * input after a "> " prompt, expanded against the configuration; "Failed: REASON" on error.
 * With {@code -Mset ID} the spooled message's variables and headers are set first, with
 * {@code -bem FILE} those of the message in FILE.
 */
final class ExpandCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        Path cfg = line.configFile();
        if (!Files.isRegularFile(cfg)) {
            line.err().println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    + " non-existent configuration file(s): " + cfg);
            return 1;
        }
        ExpandConfig config = ExpandConfig.load(cfg, line.macros());
        // Exim works on bytes: print results byte for byte.
        PrintStream out = new PrintStream(line.out(), false, StandardCharsets.ISO_8859_1);
        org.jexim.conf.expand.ExpansionContext context = new BeContext(cfg, config.options(), config.lists());
        String messageId = line.flags().get("-Mset");
        if (messageId != null) {
            context = spooled(line, messageId, context, out).orElse(context);
        }
        String messageFile = line.flags().get("-bem");
        if (messageFile != null) {
            // -bem FILE: the file is read as a message first, as Exim's receive_msg reads it
            java.io.InputStream in;
            try {
                in = Files.newInputStream(Path.of(messageFile));
            } catch (java.io.IOException e) {
                line.err().println("exim: failed to open " + messageFile + ": No such file or directory");
                return 1;
            }
            try (in) {
                context = MessageExpansionContext.tested(context,
                        TestMessage.read(line, in, new BeContext(cfg, config.options(), config.lists()), out));
            }
        }
        BeSession session = new BeSession(context, config.macros(), out, line.err());
        List<String> args = new ArrayList<>();
        for (String a : line.arguments()) {
            args.add(new String(a.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        int status = 0;
        if (!args.isEmpty()) {
            if (!session.runArguments(args)) {
                status = 1;
            }
        } else {
            session.runInput(line.in());
        }
        out.flush();
        return status;
    }

    /**
     * -Mset ID: the message's variables over -be's context, as Exim loads it from the spool; when it
     * cannot be read, Exim's two lines on standard output, and the expansions go on without it.
     */
    private static java.util.Optional<org.jexim.conf.expand.ExpansionContext> spooled(CommandLine line, String id,
            org.jexim.conf.expand.ExpansionContext base, PrintStream out) throws java.io.IOException {
        java.util.Optional<QueueContext> queue = QueueContext.load(line);
        if (queue.isPresent()) {
            org.jexim.queuetools.Spool spool = queue.get().spool();
            try {
                byte[] data = Files.readAllBytes(spool.dataFile(id));
                return java.util.Optional.of(MessageExpansionContext.spooled(base, spool.read(id), data, java.time.Instant.now()));
            } catch (java.io.IOException | RuntimeException e) {
                queue.get().log().write(id, "Spool file " + id + "-D not found");
            }
        }
        out.println("Failed to load message datafile " + id);
        out.println("Failed to load message " + id);
        return java.util.Optional.empty();
    }
}
