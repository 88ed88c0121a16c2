package org.jexim.server;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * log4j2 for the daemon, set up before James starts: James's own messages (through slf4j)
 * go to their own file, apart from Exim's mainlog, rejectlog and paniclog.
 */
public final class JamesLogging {
    private JamesLogging() {
    }

    public static void configure(Path jamesLog) {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("jexim-daemon");
        b.add(b.newAppender("james", "File")
                .addAttribute("fileName", jamesLog.toString())
                .addAttribute("append", true)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %logger{1.} - %msg%n%throwable")));
        b.add(b.newRootLogger(Level.INFO).add(b.newAppenderRef("james")));
        b.add(b.newLogger("org.apache.james", Level.WARN).add(b.newAppenderRef("james")).addAttribute("additivity", false));
        b.add(b.newLogger("org.jexim", Level.INFO).add(b.newAppenderRef("james")).addAttribute("additivity", false));
        Configurator.reconfigure(b.build());
    }
}
