package org.jexim.cli;

/** translate -o DIR: write the James configuration. */
final class TranslateCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        line.err().println("jexim: " + line.mode() + " is not implemented yet");
        return 1;
    }
}
