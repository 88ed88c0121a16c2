package org.jexim.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jexim.log.LogSink;

/**
 * What the differential SMTP tests (-bh, -bhc, -bs against exim4) share: the .sessions file
 * format, running exim4 on a session, and masking the time of day and message ids.
 */
final class EximSessions {
    static final Path EXIM = Path.of("/usr/sbin/exim4");

    private EximSessions() {
    }

    /** One scripted session: the client's IP ("" for -bs) and its lines, CRLF-ended. */
    record Session(String ip, String script) {
    }

    /**
     * The sessions of a file: each starts with a line "==== IP" ("====" alone for a local
     * session), then the client's lines; lines starting with # are comments.
     */
    static List<Session> read(Path file) throws IOException {
        List<Session> out = new ArrayList<>();
        String ip = null;
        StringBuilder script = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("====")) {
                if (ip != null) {
                    out.add(new Session(ip, script.toString()));
                }
                ip = line.substring(4).strip();
                script.setLength(0);
            } else {
                script.append(line).append("\r\n");
            }
        }
        if (ip != null) {
            out.add(new Session(ip, script.toString()));
        }
        return out;
    }

    /** Runs {@code exim4 ARGS} with the script on stdin; stdout, and stderr's "LOG: " lines when {@code logs}. */
    static String exim(List<String> args, String script, boolean logs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(EXIM.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path err = logs ? Files.createTempFile("exim-err", ".txt") : null;
        pb.redirectError(logs ? ProcessBuilder.Redirect.to(err.toFile()) : ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // Exim stops reading after a refused connection or a drop
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor();
        if (logs) {
            out += Files.readAllLines(err, StandardCharsets.ISO_8859_1).stream().filter(l -> l.startsWith("LOG: "))
                    .map(l -> l + "\n").collect(Collectors.joining());
            Files.delete(err);
        }
        return out;
    }

    /** The output with the time of day and message ids masked, and the lines in {@code drop} left out. */
    static String mask(String output, Set<String> drop) {
        return output.lines()
                .filter(l -> !drop.contains(l.strip()))
                .map(l -> l.replaceAll("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "<TOD>")
                        .replaceAll("\\b[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}\\b", "<ID>"))
                .collect(Collectors.joining("\n"));
    }

    /** A log sink that drops everything (for tests that compare replies only). */
    static LogSink discarding() {
        return new Collecting(null);
    }

    /** A log sink keeping the main and panic lines as -bh prints them ("LOG: ..."), or none for a null list. */
    static final class Collecting implements LogSink {
        private final List<String> lines;

        Collecting(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void main(String line) {
            if (lines != null) {
                lines.add("LOG: " + line);
            }
        }

        @Override
        public void reject(String line) {
            // Exim prints each rejection once, from the main log
        }

        @Override
        public void panic(String line) {
            if (lines != null) {
                lines.add("LOG: " + line);
            }
        }
    }
}
