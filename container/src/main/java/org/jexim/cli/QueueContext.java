package org.jexim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.OptionTexts;
import org.jexim.queue.EximMessageId;
import org.jexim.queuetools.MainLogFile;
import org.jexim.queuetools.QueueLog;
import org.jexim.queuetools.Spool;
import org.jexim.server.ServerPaths;

/** What the queue commands take from the configure file: the spool, the mainlog, message_logs. */
record QueueContext(Spool spool, QueueLog log, boolean messageLogs, Path pidFile) {

    /** The context, or empty after the configuration error was printed. */
    static Optional<QueueContext> load(CommandLine line) throws IOException {
        Configuration config = ConfigLoader.load(line);
        if (config == null) {
            return Optional.empty();
        }
        ServerPaths paths = ServerPaths.of(config);
        String logFilePath = config.mainOption("log_file_path").map(OptionTexts::of).orElse("");
        boolean messageLogs = OptionTexts.bool(config.mainOption("message_logs").map(OptionTexts::of).orElse(null), true);
        return Optional.of(new QueueContext(new Spool(paths.spool()),
            MainLogFile.of(logFilePath, paths.spool()).orElse(QueueLog.NONE), messageLogs, paths.pidFile()));
    }

    /** The login the log lines name, as Exim's getpwuid(real_uid). */
    static String user() {
        return System.getProperty("user.name", "root");
    }

    /**
     * Exim's checks on the ids after a -M option, with its texts on stderr: at least one id, and
     * every id (or only the first, for the options that take addresses after it) well formed.
     */
    static boolean idsValid(CommandLine line, boolean onlyFirst) {
        List<String> ids = line.arguments();
        if (ids.isEmpty()) {
            line.err().println("exim: no message ids given after " + line.mode() + " option");
            return false;
        }
        for (String id : onlyFirst ? ids.subList(0, 1) : ids) {
            if (!EximMessageId.isValid(id)) {
                line.err().println("exim: malformed message id " + id + " after " + line.mode() + " option");
                return false;
            }
        }
        return true;
    }
}
