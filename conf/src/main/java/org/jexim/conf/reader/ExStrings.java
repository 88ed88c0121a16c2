package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.List;

/** Exim's list reading (string_nextinlist) for the few lists the reader itself must split. */
final class ExStrings {
    private ExStrings() {
    }

    /**
     * The items of an Exim list. {@code separator} 0 means ":" with a {@code <x} change allowed,
     * negative means that separator with a change allowed, positive a fixed separator.
     */
    static List<String> listItems(String list, int separator) {
        List<String> items = new ArrayList<>();
        int sep = separator;
        int i = 0;
        int n = list.length();
        while (i < n && Ascii.isSpace(list.charAt(i)) && list.charAt(i) != Math.abs(sep)) {
            i++;
        }
        if (sep <= 0) {
            if (Ascii.at(list, i) == '<' && (Ascii.isPunct(Ascii.at(list, i + 1)) || Ascii.isCntrl(Ascii.at(list, i + 1)))
                    && i + 1 < n) {
                sep = list.charAt(i + 1);
                i += 2;
            } else {
                sep = sep == 0 ? ':' : -sep;
            }
        }
        boolean special = Ascii.isCntrl(sep);
        for (;;) {
            while (i < n && Ascii.isSpace(list.charAt(i)) && list.charAt(i) != sep) {
                i++;
            }
            if (i >= n) {
                return items;
            }
            StringBuilder item = new StringBuilder();
            for (; i < n; i++) {
                char c = list.charAt(i);
                if (c == sep) {
                    i++;
                    if (Ascii.at(list, i) != sep || special) {
                        break;
                    }
                }
                item.append(list.charAt(i));
            }
            int len = item.length();
            while (len > 0 && Ascii.isSpace(item.charAt(len - 1))) {
                len--;
            }
            item.setLength(len);
            items.add(item.toString());
        }
    }
}
