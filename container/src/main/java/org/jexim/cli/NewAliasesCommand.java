package org.jexim.cli;

/**
 * -bi and jexim called as newaliases: Exim rebuilds no alias database (aliases are read at routing
 * time), so it succeeds silently, as Exim does when bi_command is unset.
 */
final class NewAliasesCommand implements Command {
    @Override
    public int run(CommandLine line) {
        return 0;
    }
}
