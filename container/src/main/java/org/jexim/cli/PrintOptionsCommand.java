package org.jexim.cli;

/** -bP: print options, drivers and macros as Exim prints them. */
final class PrintOptionsCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        line.err().println("jexim: " + line.mode() + " is not implemented yet");
        return 1;
    }
}
