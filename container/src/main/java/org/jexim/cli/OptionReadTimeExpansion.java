package org.jexim.cli;

import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;

/**
 * The main options Exim expands once while reading the configure (spool_directory,
 * log_file_path, pid_file_path): -bP shows them expanded. Variables known at that point are
 * the few given here; anything the expansion engine cannot do leaves the text as written.
 */
final class OptionReadTimeExpansion {
    private OptionReadTimeExpansion() {
    }

    static boolean appliesTo(String mainOption) {
        return mainOption.equals("spool_directory") || mainOption.equals("log_file_path")
                || mainOption.equals("pid_file_path");
    }

    static String expand(String text, Map<String, String> variables) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        ExpansionContext context = name -> Optional.ofNullable(variables.get(name));
        try {
            return Expander.expand(text, context);
        } catch (Exception | LinkageError e) {
            return text;
        }
    }
}
