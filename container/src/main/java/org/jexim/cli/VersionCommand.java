package org.jexim.cli;

/**
 * -bV: the version block, then a full read of the configure file; on error Exim's message on
 * stderr and status 1, else "Configuration file is FILE".
 */
final class VersionCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        VersionInfo.print(line.out());
        line.out().flush();
        if (ConfigLoader.load(line) == null) {
            return 1;
        }
        line.out().println("Configuration file is " + line.configFile());
        return 0;
    }
}
