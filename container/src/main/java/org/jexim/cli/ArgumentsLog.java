package org.jexim.cli;

import org.jexim.conf.model.Configuration;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.server.ServerPaths;

/**
 * log_selector's {@code +arguments} for the commands that do not open the logs as {@link LoggedCommand}s
 * do: the daemon (once, in the process the administrator started), queue runs (-q, -R, -S), queue
 * listings (-bp) and the message commands (-M). Exim writes no such line when it tests or lists
 * (-bt, -bv, -be, -bh, -bf, -bP, -bV).
 */
final class ArgumentsLog {
    /** Set in the environment of the daemon that -bd starts, which must not log the line again. */
    static final String DETACHED = "JEXIM_DETACHED";

    private ArgumentsLog() {
    }

    static boolean applies(String mode) {
        return mode.equals("-bd") || mode.equals("-bdf") && System.getenv(DETACHED) == null
                || mode.startsWith("-q") || mode.matches("-[RS][rf]*") || mode.startsWith("-bp") || mode.startsWith("-M");
    }

    /** Writes the line when the configure selects it; a configure that cannot be read is the command's to report. */
    static void write(CommandLine line) throws Exception {
        Configuration config;
        try {
            config = ConfigReader.read(line.configFile(), ConfigLoader.macros(line.macros()));
        } catch (Exception e) {
            return;
        }
        boolean selected = config.mainOption("log_selector").map(org.jexim.conf.translate.OptionTexts::of)
                .map(s -> org.jexim.log.LogSelector.parse(s).has("arguments")).orElse(false);
        if (selected) {
            LogSetup.logArguments(LogSetup.install(config, ServerPaths.of(config)), line);
        }
    }
}
