package org.jexim.transport;

import java.util.Map;
import org.jexim.conf.options.EximStrings;
import org.jexim.conf.translate.OptionTexts;

/** A transport's option texts as written in configure or the translated XML, read with Exim's rules. */
final class TransportOptions {
    private final Map<String, String> texts;

    TransportOptions(Map<String, String> texts) {
        this.texts = texts;
    }

    /** The string, unquoted with Exim's escapes when written in double quotes; null when unset. */
    String string(String name) {
        String t = texts.get(name);
        if (t == null) {
            return null;
        }
        String s = t.strip();
        return s.startsWith("\"") ? EximStrings.dequote(s, 0).value() : t;
    }

    String string(String name, String unset) {
        String s = string(name);
        return s == null ? unset : s;
    }

    /** The option texts as written (for batching's check of $local_part and $domain references). */
    Map<String, String> texts() {
        return texts;
    }

    boolean has(String name) {
        return texts.containsKey(name);
    }

    boolean bool(String name, boolean unset) {
        return OptionTexts.bool(texts.get(name), unset);
    }

    int number(String name, int unset) {
        String s = string(name);
        return s == null || s.isBlank() ? unset : Integer.parseInt(s.strip());
    }

    /** An octal mode such as 0600. */
    int octal(String name, int unset) {
        String s = string(name);
        return s == null || s.isBlank() ? unset : Integer.parseInt(s.strip(), 8);
    }
}
