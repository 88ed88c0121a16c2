package org.jexim.cli;

import java.nio.file.Files;
import java.util.Optional;

import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.OptionTexts;
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

    private static Optional<String> option(Configuration config, String name) {
        return config.mainOption(name).map(OptionTexts::of);
    }
}
