package org.jexim.conf.reader;

import org.jexim.conf.options.EximStrings;

/** Exim's read_string() and extra_chars_error() wording, for the values the reader reads itself. */
final class OptionValueReader {
    private OptionValueReader() {
    }

    /** The rest of the line, or a double-quoted string with escapes; {@code name} is for messages. */
    static String string(String s, String name) throws IllegalArgumentException {
        if (!s.startsWith("\"")) {
            return s;
        }
        EximStrings.Dequoted q = EximStrings.dequote(s, 0);
        if (q.end() == 1 || s.charAt(q.end() - 1) != '"') {
            throw new IllegalArgumentException("missing quote at end of string value for " + name);
        }
        if (q.end() < s.length()) {
            throw new IllegalArgumentException(extra(s.substring(q.end()), "string value for " + name));
        }
        return q.value();
    }

    /** "extra characters follow WHAT", with Exim's hint when the extra text is a would-be comment. */
    static String extra(String rest, String what) {
        return "extra characters follow " + what + (rest.startsWith("#") ? " (# is comment only at line start)" : "");
    }
}
