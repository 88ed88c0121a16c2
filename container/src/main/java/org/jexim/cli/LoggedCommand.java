package org.jexim.cli;

import org.jexim.conf.model.Configuration;
import org.jexim.server.ServerPaths;

/** A command that reads the configure and opens Exim's logs (with the arguments line) before its own work. */
abstract class LoggedCommand implements Command {
    @Override
    public final int run(CommandLine line) throws Exception {
        Configuration config = ConfigLoader.load(line);
        if (config == null) {
            return 1;
        }
        ServerPaths paths = ServerPaths.of(config);
        LogSetup.logArguments(LogSetup.install(config, paths), line);
        return run(line, config, paths);
    }

    abstract int run(CommandLine line, Configuration config, ServerPaths paths) throws Exception;
}
