package org.jexim.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.jexim.conf.options.OptionTables;
import org.jexim.conf.options.OptionValueException;
import org.jexim.conf.options.OptionValues;

/**
 * Exim's receive_check_fs: before a message is taken, the spool's file system must keep
 * {@code check_spool_space} kilobytes and {@code check_spool_inodes} inodes free, and the log's
 * {@code check_log_space} and {@code check_log_inodes}. A SIZE given on MAIL makes the spool
 * check run even when both spool limits are zero (Exim 4.96 does not add the size to the limit).
 */
public final class ReceiveSpaceCheck {
    private final Path spool;
    private final Path logs;
    private final long spoolSpace;
    private final long spoolInodes;
    private final long logSpace;
    private final long logInodes;

    public ReceiveSpaceCheck(Path spool, Path logs, long spoolSpace, long spoolInodes, long logSpace, long logInodes) {
        this.spool = spool;
        this.logs = logs;
        this.spoolSpace = spoolSpace;
        this.spoolInodes = spoolInodes;
        this.logSpace = logSpace;
        this.logInodes = logInodes;
    }

    /** The check a configuration asks for; {@code option} gives a main option's text when it is set. */
    public static ReceiveSpaceCheck of(ServerPaths paths, Function<String, Optional<String>> option) {
        return new ReceiveSpaceCheck(paths.spool(), paths.logDirectory(), value(option, "check_spool_space"),
                value(option, "check_spool_inodes"), value(option, "check_log_space"), value(option, "check_log_inodes"));
    }

    private static long value(Function<String, Optional<String>> option, String name) {
        var def = OptionTables.main().find(name).orElseThrow();
        String text = option.apply(name).orElse(def.defaultText());
        try {
            return ((Number) OptionValues.parse(def, text)).longValue();
        } catch (OptionValueException | ClassCastException e) {
            return 0; // the reader has refused bad values already
        }
    }

    /**
     * Empty when there is room for a message of {@code messageSize} bytes (0 when not announced);
     * otherwise the main log line Exim writes ("spool directory space check failed: ...").
     */
    public Optional<String> check(long messageSize) {
        if (spoolSpace > 0 || messageSize > 0 || spoolInodes > 0) {
            Optional<String> short_ = shortage("spool", spool, spoolSpace, spoolInodes);
            if (short_.isPresent()) {
                return short_;
            }
        }
        if (logSpace > 0 || logInodes > 0) {
            return shortage("log", logs, logSpace, logInodes);
        }
        return Optional.empty();
    }

    private static Optional<String> shortage(String what, Path dir, long minSpace, long minInodes) {
        long space = FileSystemSpace.spaceKilobytes(dir);
        long inodes = FileSystemSpace.inodes(dir);
        if ((space >= 0 && space < minSpace) || (inodes >= 0 && inodes < minInodes)) {
            return Optional.of(what + " directory space check failed: space=" + space + " inodes=" + inodes);
        }
        return Optional.empty();
    }
}
