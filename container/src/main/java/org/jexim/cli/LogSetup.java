package org.jexim.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.OptionTexts;
import org.jexim.log.ArgumentsLine;
import org.jexim.log.EximLog;
import org.jexim.log.EximLogs;
import org.jexim.log.LogFilePath;
import org.jexim.log.LogSelector;
import org.jexim.log.SyslogTarget;
import org.jexim.server.ServerPaths;

/** Sets up Exim's logs as the configure says: log_file_path, log_selector and the syslog_* options. */
final class LogSetup {
    private LogSetup() {
    }

    static EximLog install(Configuration config, ServerPaths paths) throws java.io.IOException {
        Files.createDirectories(paths.logDirectory());
        SyslogTarget syslog = SyslogTarget.of(name -> option(config, name));
        return EximLogs.install(LogFilePath.of(option(config, "log_file_path").orElse(""), paths.spool()),
            LogSelector.parse(option(config, "log_selector").orElse("")), Optional.of(paths.spool()), syslog);
    }

    /**
     * Exim's {@code cwd=... N args: ...} line when log_selector has arguments; the command's name
     * is the one the jexim script passes as jexim.argv0 (Exim shows its argv[0]).
     */
    static void logArguments(EximLog log, CommandLine line) {
        if (log.selector().has("arguments")) {
            List<String> argv = new ArrayList<>();
            argv.add(System.getProperty("jexim.argv0", "jexim"));
            argv.addAll(line.given);
            log.main(ArgumentsLine.of(System.getProperty("user.dir"), argv));
        }
    }

    private static Optional<String> option(Configuration config, String name) {
        return config.mainOption(name).map(OptionTexts::of);
    }
}
