package org.jexim.log;

import java.util.List;

/**
 * The main-log line of log_selector {@code arguments}: {@code cwd=DIR N args: ARG...}, each
 * argument as string_printing shows it (tabs kept), in double quotes when it is empty or has a space (exim.c).
 */
public final class ArgumentsLine {
    private ArgumentsLine() {
    }

    /** @param argv the command as called, its name first */
    public static String of(String cwd, List<String> argv) {
        StringBuilder sb = new StringBuilder("cwd=").append(cwd).append(' ').append(argv.size()).append(" args:");
        for (String arg : argv) {
            // string_printing2(arg, SP_TAB): a tab stays as it is
            String printing = String.join("\t", java.util.Arrays.stream(arg.split("\t", -1)).map(LogText::printable)
                .toList());
            String quote = printing.isEmpty() || printing.chars().anyMatch(Character::isWhitespace) ? "\"" : "";
            sb.append(' ').append(quote).append(printing).append(quote);
        }
        return sb.toString();
    }
}
