package org.jexim.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Routes the {@code exim.main/reject/panic} log4j2 loggers to Exim's log files, apart from
 * James's own logging: each gets a {@link ReopeningFileAppender} at {@code log_file_path}, with
 * Exim's timestamp ({@code +millisec} and {@code +pid} as log_selector asks) and no additivity.
 */
public final class EximLogs {
    private EximLogs() {
    }

    /**
     * @param spoolDirectory where {@code msglog/} lives; empty to write no per-message logs
     */
    public static synchronized EximLog install(LogFilePath path, LogSelector selector, Optional<Path> spoolDirectory) {
        return install(path, selector, spoolDirectory, SyslogTarget.defaults());
    }

    /**
     * As above, with the syslog settings (syslog_facility, syslog_processname, syslog_pid,
     * syslog_timestamp) used when log_file_path names {@code syslog}.
     */
    public static synchronized EximLog install(LogFilePath path, LogSelector selector, Optional<Path> spoolDirectory,
                                               SyslogTarget syslog) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        String stamp = selector.has("millisec") ? "%d{yyyy-MM-dd HH:mm:ss.SSS}" : "%d{yyyy-MM-dd HH:mm:ss}";
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config).withCharset(StandardCharsets.UTF_8)
            .withPattern(stamp + (selector.has("pid") ? " [%pid]" : "") + " %m%n").build();
        for (String log : new String[] {"main", "reject", "panic"}) {
            String loggerName = "exim." + log;
            String appenderName = "exim-" + log + "log";
            LoggerConfig old = config.getLoggers().get(loggerName);
            if (old != null) {
                config.removeLogger(loggerName);
                old.getAppenders().values().forEach(Appender::stop);
            }
            LoggerConfig logger = LoggerConfig.newBuilder().withConfig(config).withLoggerName(loggerName)
                .withLevel(Level.INFO).withAdditivity(false).build();
            if (path.files()) {
                ReopeningFileAppender appender = new ReopeningFileAppender(appenderName, layout, day -> path.file(log, day));
                appender.start();
                logger.addAppender(appender, null, null);
            }
            if (path.syslog()) {
                Appender appender = syslog.appender("exim-" + log + "-syslog", log, selector, config);
                appender.start();
                logger.addAppender(appender, null, null);
            }
            config.addLogger(loggerName, logger);
        }
        context.updateLoggers();
        EximLog log = new EximLog(selector, spoolDirectory.map(d -> d.resolve("msglog")), new Log4jSink(),
            spoolDirectory.map(MessageFacts::fromSpool).orElse(MessageFacts.Source.NONE));
        EximLog.setCurrent(log);
        return log;
    }
}
