package org.jexim.cli;

/** -bV: version, support list and a full check of the configure. */
final class VersionCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        line.err().println("jexim: " + line.mode() + " is not implemented yet");
        return 1;
    }
}
