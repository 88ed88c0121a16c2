package org.jexim.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** The DIR/log/mainlog files of the sides of a differential test: waiting for lines, and picking them out. */
final class MainLogs {
    private MainLogs() {
    }

    /** How many lines of {@code dir}'s main log contain {@code mark} (0 before the log exists). */
    static long count(Path dir, String mark) throws Exception {
        Path log = dir.resolve("log/mainlog");
        return Files.exists(log)
                ? Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream().filter(l -> l.contains(mark)).count() : 0;
    }

    /**
     * Waits up to 60 s until every side has logged {@code count} lines containing {@code mark}, then half a second
     * more for the lines that follow them (Completed, a second address of the message).
     */
    static void waitForLines(String mark, int count, Path... dirs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Path dir : dirs) {
                all &= count(dir, mark) >= count;
            }
            if (all) {
                Thread.sleep(500);
                return;
            }
            Thread.sleep(100);
        }
    }

    /**
     * The lines whose item after the date, time and message id matches {@code items} (a regex alternation such as
     * {@code =>|\*\*}), without date and time, each passed through {@code mask}, sorted: jexim delivers a message's
     * addresses in parallel, so their order differs from exim4's.
     */
    static List<String> lines(Path dir, String items, UnaryOperator<String> mask) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("log/mainlog"), StandardCharsets.ISO_8859_1)) {
            if (l.matches("\\S+ \\S+ \\S+ (" + items + ") .*")) {
                lines.add(mask.apply(l.substring(l.indexOf(' ', l.indexOf(' ') + 1) + 1)));
            }
        }
        return lines.stream().sorted().toList();
    }
}
