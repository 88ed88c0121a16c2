package org.jexim.conf.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an Exim list into its items: the default separator is a colon, a leading
 * {@code <X} changes it, a doubled separator stands for itself, items are trimmed and a
 * trailing empty item is ignored (spec, "Lists and their separators"). Used by the translator
 * and by the run-time list matching.
 */
public final class ListSplitter {
    private ListSplitter() {
    }

    public static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        if (list == null) {
            return items;
        }
        String s = list.strip();
        char sep = ':';
        if (s.length() >= 2 && s.charAt(0) == '<' && !Character.isLetterOrDigit(s.charAt(1))
                && !Character.isWhitespace(s.charAt(1))) {
            sep = s.charAt(1);
            s = s.substring(2).strip();
        }
        if (s.isEmpty()) {
            return items;
        }
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == sep) {
                if (i + 1 < s.length() && s.charAt(i + 1) == sep) {
                    item.append(c);
                    i++;
                } else {
                    items.add(item.toString().strip());
                    item.setLength(0);
                }
            } else {
                item.append(c);
            }
        }
        String last = item.toString().strip();
        if (!last.isEmpty()) {
            items.add(last);
        }
        return items;
    }
}
