package org.jexim.queuetools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Appends Exim-format lines ("2026-11-22 03:03:30 ID frozen by root") to the mainlog that
 * log_file_path names (%s = main, %D and %M datestamps), or spool/log/mainlog when it is unset.
 */
public final class MainLogFile implements QueueLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Path file;

    private MainLogFile(Path file) {
        this.file = file;
    }

    /** The mainlog for this log_file_path and spool, or empty when only syslog is configured. */
    public static Optional<QueueLog> of(String logFilePath, Path spool) {
        LocalDateTime now = LocalDateTime.now();
        if (logFilePath == null || logFilePath.isBlank()) {
            return Optional.of(new MainLogFile(spool.resolve("log").resolve("mainlog")));
        }
        for (String item : logFilePath.split(":")) {
            String p = item.strip();
            if (p.isEmpty()) {
                return Optional.of(new MainLogFile(spool.resolve("log").resolve("mainlog")));
            }
            if (!p.equals("syslog")) {
                return Optional.of(new MainLogFile(Path.of(p.replace("%s", "main")
                    .replace("%D", now.format(DateTimeFormatter.BASIC_ISO_DATE))
                    .replace("%M", now.format(DateTimeFormatter.ofPattern("yyyyMM"))))));
            }
        }
        return Optional.empty();
    }

    @Override
    public void write(String id, String text) {
        String line = LocalDateTime.now().format(STAMP) + " " + id + " " + text + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, line.getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // the action itself succeeded; Exim does not fail a -M command on a log error either
        }
    }
}
