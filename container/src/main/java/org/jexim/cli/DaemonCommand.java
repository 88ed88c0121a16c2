package org.jexim.cli;

/** -bd/-bdf: run the server. */
final class DaemonCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        line.err().println("jexim: " + line.mode() + " is not implemented yet");
        return 1;
    }
}
