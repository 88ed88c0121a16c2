package org.jexim.submit;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses in an address header (To:, Cc:, From: ...) as Exim's parse_find_address_end and
 * parse_extract_address see them: items separated by commas outside quotes, angle brackets,
 * parentheses and domain literals; the address of an item is what is in {@code <...>}, else the
 * item without its comments. Group syntax ({@code name: a, b;}) is accepted.
 */
public final class AddressList {
    private AddressList() {
    }

    /** The address of each item of the value, in order; empty items (and empty groups) are skipped. */
    public static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        for (Item item : items(value)) {
            if (!item.address().isEmpty()) {
                out.add(item.address());
            }
        }
        return out;
    }

    /**
     * The header field (name, colon, value, final LF) with every unqualified address completed with
     * {@code @domain} and the rest of the text left as it was. As Exim's rewrite_one_header, a
     * line break and tab go after a lengthened address (and the separator and white space after it)
     * that ends more than 40 characters past the start or the last break inserted.
     */
    public static String qualifyField(String field, String domain) {
        int colon = field.indexOf(':');
        String value = field.substring(colon + 1);
        StringBuilder out = new StringBuilder(field.substring(0, colon + 1));
        int copied = 0;
        int lastBreak = 0;
        for (Item item : items(value)) {
            if (item.address().isEmpty() || item.address().contains("@")) {
                continue;
            }
            out.append(value, copied, item.addressEnd()).append('@').append(domain);
            int next = Math.min(value.length(), item.separator() + 1);
            while (next < value.length() && Character.isWhitespace(value.charAt(next))) {
                next++;
            }
            out.append(value, item.addressEnd(), next);
            copied = next;
            if (out.length() - lastBreak > 40) {
                int p = next - 1;
                while (p >= 0 && (value.charAt(p) == ' ' || value.charAt(p) == '\t')) {
                    p--;
                }
                if (p < 0 || value.charAt(p) != '\n') {
                    lastBreak = out.length();
                    out.append("\n\t");
                }
            }
        }
        return out.append(value.substring(copied)).toString();
    }

    /** Whether any address in the value lacks a domain. */
    public static boolean hasUnqualified(String value) {
        return items(value).stream().anyMatch(i -> !i.address().isEmpty() && !i.address().contains("@"));
    }

    /** One item: its address and where the address ends in the value. */
    record Item(String address, int addressEnd, int separator) {
    }

    static List<Item> items(String value) {
        List<Item> items = new ArrayList<>();
        int start = 0;
        int n = value.length();
        int depthComment = 0;
        boolean quoted = false;
        boolean angle = false;
        boolean literal = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? value.charAt(i) : ',';
            if (i < n && c == '\\') {
                i++;
                continue;
            }
            if (quoted) {
                quoted = c != '"';
                continue;
            }
            if (depthComment > 0) {
                depthComment += c == '(' ? 1 : c == ')' ? -1 : 0;
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '(' -> depthComment = 1;
                case '<' -> angle = true;
                case '>' -> angle = false;
                case '[' -> literal = true;
                case ']' -> literal = false;
                case ':' -> {
                    if (!angle && !literal) {
                        start = i + 1; // a group's display name
                    }
                }
                case ',', ';' -> {
                    if (!angle && !literal) {
                        items.add(item(value, start, i));
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        return items;
    }

    private static Item item(String value, int start, int end) {
        Item found = locate(value, start, end);
        return new Item(found.address(), found.addressEnd(), end);
    }

    private static Item locate(String value, int start, int end) {
        String text = value.substring(start, end);
        int lt = indexOutsideQuotes(text, '<');
        if (lt >= 0) {
            int gt = text.indexOf('>', lt);
            if (gt > lt) {
                String inside = text.substring(lt + 1, gt).trim();
                int at = inside.lastIndexOf(':'); // a source route <@a,@b:x@y>
                String address = at >= 0 && inside.startsWith("@") ? inside.substring(at + 1) : inside;
                return new Item(address, start + gt, end);
            }
        }
        String plain = stripComments(text);
        String address = plain.replaceAll("[\\s\\n]+", "");
        int lastNonSpace = lastAddressChar(text);
        return new Item(address, start + lastNonSpace + 1, end);
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** The text without RFC 2822 comments (nested, outside quoted strings); the queue tools' address arguments use it too. */
    public static String stripComments(String text) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The index of the last character of the address in an item without angle brackets. */
    private static int lastAddressChar(String text) {
        int depth = 0;
        int last = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                last = i;
            }
        }
        return last;
    }
}
