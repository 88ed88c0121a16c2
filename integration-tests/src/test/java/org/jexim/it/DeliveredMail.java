package org.jexim.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a side of a differential test delivered into DIR/mail (maildir new/ files) and logged in
 * DIR/log/mainlog, masked (message ids and dates) so that exim4's and jexim's can be compared.
 */
final class DeliveredMail {
    private DeliveredMail() {
    }

    /** The maildir files delivered under {@code dir/mail}, in path order. */
    static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("mail"))) {
            return s.filter(Files::isRegularFile).filter(f -> f.toString().contains("/new/")).sorted().toList();
        }
    }

    /** Waits up to two minutes for {@code count} delivered files. */
    static void waitForFiles(Path dir, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && files(dir).size() < count) {
            Thread.sleep(200);
        }
    }

    /** The delivered messages, masked, sorted. */
    static List<String> mailboxes(Path dir) throws Exception {
        List<String> boxes = new ArrayList<>();
        for (Path f : files(dir)) {
            boxes.add(mask(Files.readString(f, StandardCharsets.ISO_8859_1)));
        }
        return boxes.stream().sorted().toList();
    }

    /** The main log lines containing any of {@code marks}, without their time stamps, masked, sorted. */
    static List<String> logLines(Path dir, String... marks) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("log/mainlog"), StandardCharsets.ISO_8859_1)) {
            if (Stream.of(marks).anyMatch(l::contains)) {
                lines.add(mask(l.substring(20)).replaceAll("pid=\\d+", "pid=PID"));
            }
        }
        return lines.stream().sorted().toList();
    }

    static String mask(String text) {
        return text.replaceAll("\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "DATE")
            .replaceAll("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID");
    }
}
