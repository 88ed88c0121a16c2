package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.RewriteRule;
import org.jexim.conf.options.EximStrings;

/** Parses rewrite rules, as Exim's readconf_one_rewrite(), for the rewrite section and headers_rewrite. */
final class RewriteRules {
    private static final String FLAGS = "qwhsftcbrEFTQRS";

    private RewriteRules() {
    }

    /** Reads the rewrite section. */
    static List<RewriteRule> readSection(LineReader lines) throws ConfigurationException {
        List<RewriteRule> rules = new ArrayList<>();
        LogicalLine line;
        while ((line = lines.next()) != null) {
            rules.add(parse(line.text(), line.last(), line.start()));
        }
        return rules;
    }

    /** One rule; {@code errorAt} is where errors are reported, {@code at} where the rule came from. */
    static RewriteRule parse(String p, SourceLocation errorAt, SourceLocation at) throws ConfigurationException {
        EximStrings.Dequoted key = EximStrings.dequote(p, 0);
        int i = Ascii.skipSpace(p, key.end());
        if (i >= p.length()) {
            throw new ConfigurationException(errorAt, "missing rewrite replacement string");
        }
        EximStrings.Dequoted replacement = EximStrings.dequote(p, i);
        StringBuilder flags = new StringBuilder();
        for (i = replacement.end(); i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            if (FLAGS.indexOf(c) < 0) {
                throw new ConfigurationException(errorAt, "unknown rewrite flag character '" + c
                        + "' (could be missing quotes round replacement item)");
            }
            if (c == 'S' && !key.value().startsWith("^") && !key.value().startsWith("\\N^")) {
                throw new ConfigurationException(errorAt, "rewrite rule has the S flag but is not a regular expression");
            }
            flags.append(c);
        }
        return new RewriteRule(key.value(), replacement.value(), flags.toString(), at);
    }
}
