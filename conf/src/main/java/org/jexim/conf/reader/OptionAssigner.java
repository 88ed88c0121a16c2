package org.jexim.conf.reader;

import java.util.Map;
import java.util.Set;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionType;

/**
 * Handles one option setting line ({@code [hide] [no_|not_]name [= value]}) against an option
 * table, as Exim's readconf_handle_option(): finds the option, refuses a second setting, checks
 * the value and records it.
 */
final class OptionAssigner {
    /** Options that may be set more than once; later settings are combined with earlier ones. */
    private static final Set<String> REPEATABLE = Set.of("condition", "headers_add", "headers_remove", "set");

    private final OptionValueReader values;

    OptionAssigner(OptionValueReader values) {
        this.values = values;
    }

    /**
     * Sets the option of {@code line} in {@code settings}. Returns false when the name is not in
     * {@code table} and {@code unknownFormat} is null; otherwise an unknown name is an error
     * worded by {@code unknownFormat} (with %s for the name).
     */
    boolean assign(LogicalLine line, OptionTable table, Map<String, OptionSetting> settings, String unknownFormat,
                   boolean repeatable) throws ConfigurationException {
        String s = line.text();
        int i = Ascii.skipSpace(s, 0);
        if (!Ascii.isAlpha(Ascii.at(s, i))) {
            throw error(line, "option setting expected: " + s.substring(i));
        }
        boolean hidden = false;
        String name = "";
        for (int n = 0; n < 2; n++) {
            StringBuilder b = new StringBuilder();
            while (Ascii.isNameChar(Ascii.at(s, i))) {
                if (b.length() < Names.MAX) {
                    b.append(s.charAt(i));
                }
                i++;
            }
            name = b.toString();
            i = Ascii.skipSpace(s, i);
            if (!name.equals("hide")) {
                break;
            }
            hidden = true;
        }
        int offset = name.startsWith("no_") ? 3 : name.startsWith("not_") ? 4 : 0;
        OptionDef def = table.find(name.substring(offset)).orElse(null);
        if (def == null) {
            if (unknownFormat == null) {
                return false;
            }
            throw error(line, String.format(unknownFormat, name));
        }
        OptionSetting earlier = settings.get(def.name());
        boolean again = repeatable && REPEATABLE.contains(def.name());
        if (earlier != null && !again) {
            throw error(line, "\"" + name + "\" option set for the second time");
        }
        char c = Ascii.at(s, i);
        if (def.type() != OptionType.BOOL) {
            if (offset != 0) {
                throw error(line, "negation prefix applied to a non-boolean option");
            }
            if (c == 0) {
                throw error(line, "unexpected end of line (data missing) after " + name);
            }
            if (c != '=') {
                throw error(line, "missing \"=\" after " + name);
            }
        } else if (c != 0 && (offset != 0 || c != '=')) {
            throw error(line, OptionValueReader.extra(s.substring(i), "boolean option " + name).getMessage());
        }
        if (c == '=') {
            i = Ascii.skipSpace(s, i + 1);
        }
        String text = s.substring(i);
        Object value;
        try {
            value = values.read(def, name, text, offset != 0);
        } catch (ValueError e) {
            throw error(line, e.getMessage());
        }
        if (def.type() == OptionType.REWRITE) {
            checkRewrites(line, (String) value);
        }
        boolean wasHidden = earlier != null && earlier.hidden();
        if (earlier != null) {
            value = RepeatedOptions.combine(def.name(), (String) earlier.value(), (String) value);
            text = RepeatedOptions.combine(def.name(), earlier.text(), text);
        } else if (again) {
            value = RepeatedOptions.combine(def.name(), null, (String) value);
        }
        settings.put(def.name(), new OptionSetting(def, value, text, hidden || wasHidden,
                earlier != null ? earlier.location() : line.start()));
        return true;
    }

    /** A driver's headers_rewrite: each rule must parse, and none may rewrite the envelope. */
    private static void checkRewrites(LogicalLine line, String rules) throws ConfigurationException {
        for (String rule : ExStrings.listItems(rules, 0)) {
            String flags = RewriteRules.parse(rule, line.last(), line.start()).flags();
            if (flags.chars().anyMatch(f -> "EFTS".indexOf(f) >= 0)) {
                throw error(line, "rewrite rule specifies a non-header rewrite - not allowed at transport time -");
            }
        }
    }

    private static ConfigurationException error(LogicalLine line, String reason) {
        return new ConfigurationException(line.last(), reason);
    }
}
