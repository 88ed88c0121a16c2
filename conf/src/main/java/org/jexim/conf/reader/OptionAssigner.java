package org.jexim.conf.reader;

import java.util.Map;
import java.util.Set;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTable;
import org.jexim.conf.options.OptionType;
import org.jexim.conf.options.OptionValueException;
import org.jexim.conf.options.OptionValues;

/**
 * Handles one option setting line ({@code [hide] [no_|not_]name [= value]}) against an option
 * table, as Exim's readconf_handle_option(): finds the option, refuses a second setting, has
 * {@link OptionValues} type the value, and records it under the option (and the options a
 * synonym stands for).
 */
final class OptionAssigner {
    /**
     * Exim gives drivers without private options a placeholder entry with an empty name, which
     * a line like "hide" alone finds; it behaves as a string option.
     */
    private static final Set<String> PLACEHOLDER_TABLES = Set.of("accept", "ipliteral");
    private static final OptionDef PLACEHOLDER = new OptionDef("", OptionType.STRING, false, null);

    /**
     * Sets the option of {@code line} in {@code settings}; {@code seen} holds the names already
     * set in this scope. Returns false when the name is not in {@code table} and
     * {@code unknownFormat} is null; otherwise an unknown name is an error worded by
     * {@code unknownFormat} (with %s for the name as written).
     */
    boolean assign(LogicalLine line, OptionTable table, Map<String, OptionSetting> settings, Set<String> seen,
                   String unknownFormat) throws ConfigurationException {
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
        int offset = name.startsWith("not_") ? 4 : name.startsWith("no_") ? 3 : 0;
        OptionDef def = table.find(name.substring(offset)).orElse(null);
        if (def == null && name.length() == offset && PLACEHOLDER_TABLES.contains(table.scope())) {
            def = PLACEHOLDER;
        }
        if (def == null) {
            if (unknownFormat == null) {
                return false;
            }
            throw error(line, String.format(unknownFormat, name));
        }
        if (!seen.add(def.name()) && def.repeat() == OptionDef.Repeat.NONE) {
            throw error(line, "\"" + name + "\" option set for the second time");
        }
        boolean bool = def.type() == OptionType.BOOL || def.type() == OptionType.EXPAND_BOOL;
        char c = Ascii.at(s, i);
        if (!bool) {
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
            throw error(line, OptionValueReader.extra(s.substring(i), "boolean option " + name));
        }
        if (c == '=') {
            i = Ascii.skipSpace(s, i + 1);
        }
        String text = s.substring(i);
        Object value;
        try {
            value = bool && text.isEmpty() ? Boolean.valueOf(offset == 0) : OptionValues.parse(def, text);
        } catch (OptionValueException e) {
            throw error(line, e.getMessage());
        }
        if (def.type() == OptionType.REWRITE) {
            checkRewrites(line, (String) value);
        }
        if (def == PLACEHOLDER) {
            return true;
        }
        for (String target : def.targets()) {
            OptionSetting earlier = settings.get(target);
            Object combined = value;
            if (earlier != null && def.repeat() != OptionDef.Repeat.NONE) {
                combined = RepeatedOptions.combine(def.repeat(), def.name(), (String) earlier.value(), (String) value);
            } else if (def.repeat() == OptionDef.Repeat.LIST) {
                combined = RepeatedOptions.combine(def.repeat(), def.name(), null, (String) value);
            }
            settings.put(target, new OptionSetting(def, combined, text, hidden, line.start()));
        }
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
