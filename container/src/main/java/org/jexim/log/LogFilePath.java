package org.jexim.log;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Exim's {@code log_file_path}: {@code %s} becomes main, reject or panic; {@code %D} and {@code %M}
 * become yyyymmdd and yyyymm, except in the panic log's name (spec 53.3). An empty setting means
 * {@code spool_directory/log/%slog}. {@code syslog} items are not handled here.
 */
public final class LogFilePath {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private final String pattern;
    private final boolean files;
    private final boolean syslog;

    private LogFilePath(String pattern, boolean files, boolean syslog) {
        this.pattern = pattern;
        this.files = files;
        this.syslog = syslog;
    }

    /**
     * @param logFilePath the option's expanded value, possibly a colon list with {@code syslog}
     */
    public static LogFilePath of(String logFilePath, Path spoolDirectory) {
        String chosen = null;
        boolean syslog = false;
        String value = logFilePath == null ? "" : logFilePath.trim();
        if (value.isEmpty()) {
            chosen = "";
        } else {
            for (String item : value.split(":", -1)) {
                String trimmed = item.trim();
                if (trimmed.equals("syslog")) {
                    syslog = true;
                } else if (chosen == null) {
                    chosen = trimmed; // an empty item means the default file path
                }
            }
        }
        String pattern = chosen == null || chosen.isEmpty() ? spoolDirectory.resolve("log") + "/%slog" : chosen;
        return new LogFilePath(pattern, chosen != null, syslog);
    }

    /** Whether the logs are written to files ("syslog" alone in log_file_path writes none). */
    public boolean files() {
        return files;
    }

    /** Whether "syslog" is in log_file_path. */
    public boolean syslog() {
        return syslog;
    }

    /** Whether the names change at midnight. */
    public boolean datestamped() {
        return pattern.contains("%D") || pattern.contains("%M");
    }

    /** The file of the given log ("main", "reject" or "panic") on the given day. */
    public Path file(String log, LocalDate day) {
        String p = pattern;
        if (log.equals("panic")) {
            p = withoutDatestamp(p);
        } else {
            p = p.replace("%D", DAY.format(day)).replace("%M", MONTH.format(day));
        }
        return Path.of(p.replace("%s", log));
    }

    /**
     * Removes %D/%M for the panic log: after a slash, with the following non-alphanumeric
     * character; otherwise with the preceding one.
     */
    private static String withoutDatestamp(String p) {
        StringBuilder sb = new StringBuilder(p);
        int at;
        while ((at = indexOfStamp(sb)) >= 0) {
            int start = at;
            int end = at + 2;
            if (at > 0 && sb.charAt(at - 1) == '/') {
                if (end < sb.length() && !Character.isLetterOrDigit(sb.charAt(end))) {
                    end++;
                }
            } else if (at > 0 && !Character.isLetterOrDigit(sb.charAt(at - 1))) {
                start--;
            }
            sb.delete(start, end);
        }
        return sb.toString();
    }

    private static int indexOfStamp(StringBuilder sb) {
        int d = sb.indexOf("%D");
        int m = sb.indexOf("%M");
        return d < 0 ? m : m < 0 ? d : Math.min(d, m);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
