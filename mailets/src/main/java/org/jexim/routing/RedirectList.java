package org.jexim.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a redirection list (Exim's parse_forward_list) into items: commas and newlines
 * separate them except inside quotes, angle brackets or parentheses; lines starting with #
 * are comments; {@code :fail:} and {@code :defer:} take the rest of their line as message.
 */
public final class RedirectList {
    private RedirectList() {
    }

    public static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (item.toString().isBlank() && (c == '#') && atLineStart(text, i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl + 1;
                continue;
            }
            String sofar = item.toString().strip();
            if (!quoted && (sofar.equals(":fail:") || sofar.equals(":defer:"))) {
                int nl = text.indexOf('\n', i);
                int end = nl < 0 ? text.length() : nl;
                items.add(sofar + text.substring(i, end));
                item.setLength(0);
                i = end;
                continue;
            }
            if (c == '\\' && i + 1 < text.length()) {
                item.append(text.charAt(i + 1)); // the backslash escapes the next character
                i += 2;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            }
            if (!quoted && angle == 0 && (c == ',' || c == '\n')) {
                add(items, item);
            } else {
                item.append(c);
            }
            i++;
        }
        add(items, item);
        return items;
    }

    private static boolean atLineStart(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            char c = text.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void add(List<String> items, StringBuilder item) {
        String s = item.toString().strip();
        if (!s.isEmpty()) {
            items.add(s);
        }
        item.setLength(0);
    }

    /** The address inside {@code Name <addr>}, or the item itself. */
    public static String address(String item) {
        int lt = item.lastIndexOf('<');
        if (item.endsWith(">") && lt >= 0 && lt > item.lastIndexOf('"')) {
            return item.substring(lt + 1, item.length() - 1).strip();
        }
        if (item.startsWith("<") && item.endsWith(">")) {
            return item.substring(1, item.length() - 1).strip();
        }
        return item;
    }
}
