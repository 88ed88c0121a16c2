package org.jexim.conf.options;

import java.util.ArrayList;
import java.util.List;

/** Splits an Exim list as string_nextinlist does: colon by default, {@code <X} changes it, a doubled separator stands for itself. */
public final class EximLists {
    private EximLists() {
    }

    /** The items of a list, trimmed. */
    public static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        int i = skip(list, 0);
        char sep = ':';
        if (i < list.length() && list.charAt(i) == '<' && i + 1 < list.length()
                && !Character.isLetterOrDigit(list.charAt(i + 1)) && !Character.isWhitespace(list.charAt(i + 1))) {
            sep = list.charAt(i + 1);
            i += 2;
        }
        while (true) {
            i = skip(list, i);
            if (i >= list.length()) {
                break;
            }
            StringBuilder item = new StringBuilder();
            while (i < list.length()) {
                char c = list.charAt(i);
                if (c == sep) {
                    if (i + 1 < list.length() && list.charAt(i + 1) == sep) {
                        item.append(sep);
                        i += 2;
                        continue;
                    }
                    break;
                }
                item.append(c);
                i++;
            }
            out.add(item.toString().strip());
            i++;
        }
        return out;
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
