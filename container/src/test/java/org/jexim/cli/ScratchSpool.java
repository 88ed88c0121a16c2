package org.jexim.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;
import org.jexim.queue.EximMessageId;
import org.jexim.queue.SpoolMailQueueFactory;

/**
 * A scratch spool with its own configure, filled by the real exim4 (-odq) and by jexim's queue
 * classes, on which exim4 and jexim's commands run side by side.
 */
final class ScratchSpool {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    final Path dir;
    final Path configure;
    final Path spool;

    private final String extraOptions;

    ScratchSpool(Path dir) throws IOException {
        this(dir, "");
    }

    /** With more main options (one per line) after the spool's own. */
    ScratchSpool(Path dir, String extraOptions) throws IOException {
        this.dir = dir;
        this.extraOptions = extraOptions;
        this.spool = dir.resolve("spool");
        this.configure = dir.resolve("configure");
        Files.createDirectories(spool.resolve("input"));
        Files.writeString(configure, "spool_directory = " + spool + "\nlog_file_path = " + spool + "/log/%slog\n"
            + "exim_user = root\nexim_group = root\nprimary_hostname = test.example\nqualify_domain = test.example\n"
            + extraOptions);
    }

    static boolean eximUsable() {
        return Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name"));
    }

    /** The same messages in another directory with its own configure, for the other program to work on. */
    ScratchSpool copyTo(Path other) throws IOException {
        ScratchSpool copy = new ScratchSpool(other, extraOptions);
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path f : files.toList()) {
                Path target = copy.spool.resolve(spool.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    /** Queues a message with exim4 -odq; returns its id. */
    String eximMessage(String sender, String body, String... recipients) throws Exception {
        List<String> ids = ids();
        List<String> command = new ArrayList<>(List.of(EXIM.toString(), "-C", configure.toString(), "-odq", "-f", sender));
        command.addAll(List.of(recipients));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(body.getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("exim4 -odq failed");
        }
        List<String> now = ids();
        now.removeAll(ids);
        return now.get(0);
    }

    /** Queues a message through jexim's durable spool queue; returns its id. */
    String jeximMessage(String sender, String raw, String... recipients) throws Exception {
        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool);
        String id = EximMessageId.next();
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        MailImpl.Builder mail = MailImpl.builder().name(id).addRecipients(recipients).mimeMessage(message);
        if (!sender.isEmpty()) {
            mail.sender(sender);
        }
        factory.createQueue(MailQueueFactory.SPOOL).enQueue(mail.build());
        factory.close();
        return id;
    }

    /** The ids of the -H files, in input/ or its split subdirectories. */
    List<String> ids() throws IOException {
        try (Stream<Path> files = Files.walk(spool.resolve("input"), 2)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("-H"))
                .map(n -> n.substring(0, n.length() - 2)).sorted().toList());
        }
    }

    /** What a command printed and returned. */
    record Result(String out, String err, int status) {
    }

    Result exim(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(EXIM.toString(), "-C", configure.toString()));
        command.addAll(List.of(args));
        Path errFile = dir.resolve("exim.err");
        Process p = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("exim4 hangs");
        }
        return new Result(out, Files.readString(errFile, StandardCharsets.ISO_8859_1), p.exitValue());
    }

    Result jexim(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-C", configure.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            CommandLine line = Main.parse(all.toArray(new String[0]));
            line.out = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
            line.err = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
            status = Main.run(line);
        } catch (Main.UsageException e) {
            err.writeBytes((e.getMessage() + "\n").getBytes(StandardCharsets.ISO_8859_1));
            status = 1;
        }
        return new Result(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    byte[] headerFile(String id) throws IOException {
        Path flat = spool.resolve("input").resolve(id + "-H");
        return Files.readAllBytes(Files.exists(flat) ? flat : spool.resolve("input").resolve(id.substring(5, 6)).resolve(id + "-H"));
    }

    /** Queues a message with exim4 -bs (SMTP on stdin, so that DSN options can be given); returns its id. */
    String eximSmtp(String session) throws Exception {
        List<String> before = ids();
        Process p = new ProcessBuilder(EXIM.toString(), "-C", configure.toString(), "-odq", "-bs")
            .redirectErrorStream(true).start();
        p.getOutputStream().write(session.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("exim4 -bs hangs");
        }
        List<String> now = ids();
        now.removeAll(before);
        return now.get(0);
    }

    /** The mainlog's lines without their timestamps and Exim's environment warnings. */
    List<String> mainlog() throws IOException {
        Path log = spool.resolve("log/mainlog");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
            .filter(l -> l.length() > 20 && !l.contains("purging the environment") && !l.contains("Suggested action"))
            .map(l -> l.substring(20)).toList();
    }
}
