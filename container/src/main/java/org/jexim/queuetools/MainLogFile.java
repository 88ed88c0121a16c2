package org.jexim.queuetools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

import org.jexim.log.LogFilePath;

/**
 * Appends Exim-format lines ("2026-11-22 03:03:30 ID frozen by root") to the mainlog that
 * log_file_path names (through the daemon's own {@link LogFilePath}), from a short-lived command.
 */
public final class MainLogFile implements QueueLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final LogFilePath path;

    private MainLogFile(LogFilePath path) {
        this.path = path;
    }

    /** The mainlog for this log_file_path and spool, or empty when log_file_path names only syslog. */
    public static Optional<QueueLog> of(String logFilePath, Path spool) {
        boolean syslogOnly = logFilePath != null && !logFilePath.isBlank()
            && Arrays.stream(logFilePath.split(":")).map(String::strip).allMatch("syslog"::equals);
        return syslogOnly ? Optional.empty() : Optional.of(new MainLogFile(LogFilePath.of(logFilePath, spool)));
    }

    @Override
    public void write(String id, String text) {
        LocalDateTime now = LocalDateTime.now();
        Path file = path.file("main", LocalDate.from(now));
        String line = now.format(STAMP) + " " + id + " " + text + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, line.getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // the action itself succeeded; Exim does not fail a -M command on a log error either
        }
    }
}
