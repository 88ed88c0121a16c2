package org.jexim.server;

import java.nio.file.Path;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.OptionTexts;

/**
 * Where the daemon keeps things, from the configure file: the spool (spool_directory), the
 * James working directory with the translation under the spool, and the log directory
 * (log_file_path, else the spool's log/ as Exim does).
 */
public record ServerPaths(Path spool, Path logDirectory) {
    /** Exim's compiled-in default; jexim's default configure always sets spool_directory. */
    static final String DEFAULT_SPOOL = "/var/spool/jexim";

    public static ServerPaths of(Configuration config) {
        return of(config.mainOption("spool_directory").map(OptionTexts::of),
                config.mainOption("log_file_path").map(OptionTexts::of).orElse(""));
    }

    /** From the texts of spool_directory (empty when unset) and log_file_path. */
    public static ServerPaths of(java.util.Optional<String> spoolDirectory, String logPath) {
        Path spool = Path.of(spoolDirectory.orElse(DEFAULT_SPOOL)).toAbsolutePath();
        Path logDir = spool.resolve("log");
        for (String item : logPath.split(":")) {
            String p = item.strip();
            if (!p.isEmpty() && !p.equals("syslog")) {
                Path file = Path.of(p.replace("%s", "main").replace("%D", "").replace("%M", ""));
                logDir = file.toAbsolutePath().getParent();
                break;
            }
        }
        return new ServerPaths(spool, logDir);
    }

    /** James's working directory; the translation goes in its conf/. */
    public Path jamesHome() {
        return spool.resolve("james");
    }

    public Path jamesConf() {
        return jamesHome().resolve("conf");
    }

    /** James's own log, apart from Exim's mainlog. */
    public Path jamesLog() {
        return logDirectory.resolve("james.log");
    }

    public Path pidFile() {
        return spool.resolve("jexim-daemon.pid");
    }
}
