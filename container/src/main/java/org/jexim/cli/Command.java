package org.jexim.cli;

/** One mode of the jexim command (-bV, -bP, -be, translate, -bd, ...). Returns the exit status. */
public interface Command {
    int run(CommandLine line) throws Exception;
}
