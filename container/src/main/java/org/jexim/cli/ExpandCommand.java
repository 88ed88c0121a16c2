package org.jexim.cli;

/** -be: string expansion testing. */
final class ExpandCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        line.err().println("jexim: " + line.mode() + " is not implemented yet");
        return 1;
    }
}
