package org.jexim.conf.expand;

import java.util.List;
import org.jexim.conf.expand.operators.Rfc2047;
import org.jexim.conf.lists.Ascii;

/**
 * Exim's find_header(), for contexts that hold a message: the value of $h_NAME:, $rh_NAME:,
 * $lh_NAME: or $bh_NAME: from the message's header lines ("Name: value", continuation lines
 * included, as received). Several occurrences are joined (with ",\n" for address headers),
 * $h_ values are RFC 2047 decoded into headers_charset (UTF-8 unless told otherwise).
 */
public final class Headers {
    /** Exim's header_insert_maxlen. */
    static final int MAX = 64 * 1024;
    private static final List<String> ADDRESS_HEADERS = List.of("bcc:", "cc:", "from:", "reply-to:", "sender:", "to:");

    private Headers() {
    }

    /** The header's value in the wanted form, or null when the message has no such header. */
    public static String value(List<String> headerLines, String name, HeaderKind kind) {
        return value(headerLines, name, kind, Rfc2047.HEADERS_CHARSET);
    }

    /** The header's value, $h_ values decoded into {@code charset}; null when absent. */
    public static String value(List<String> headerLines, String name, HeaderKind kind, String charset) {
        String n = name.endsWith(":") ? name : name + ":";
        int len = n.length();
        boolean found = false;
        boolean comma = false;
        StringBuilder g = new StringBuilder();
        boolean any = false;
        for (String h : headerLines) {
            if (h.length() < len || !Ascii.equalsIgnoreCase(h.substring(0, len), n)) {
                continue;
            }
            found = true;
            int s = len;
            int t = h.length();
            if (kind != HeaderKind.RAW && kind != HeaderKind.LIST) {
                while (s < t && ExpansionParser.isSpace(h.charAt(s))) {
                    s++;
                }
            }
            if (kind == HeaderKind.LIST) {
                while (t > s && h.charAt(t - 1) == '\n') {
                    t--;
                }
            } else if (kind != HeaderKind.RAW) {
                while (t > s && ExpansionParser.isSpace(h.charAt(t - 1))) {
                    t--;
                }
                comma |= ADDRESS_HEADERS.contains(Ascii.lower(n));
            }
            int inc = Math.min(t - s, MAX - g.length());
            String part = h.substring(s, s + Math.max(0, inc));
            switch (kind) {
                case LIST -> {
                    if (any) {
                        g.append(':');
                    }
                    g.append(part.replace(":", "::"));
                }
                case RAW -> g.append(part);
                default -> {
                    if (inc > 0) {
                        if (any) {
                            g.append(comma ? ",\n" : "\n");
                        }
                        g.append(part);
                    }
                }
            }
            any |= kind != HeaderKind.DECODED && kind != HeaderKind.BODY_CHARSET_FREE || inc > 0;
            if (g.length() >= MAX) {
                break;
            }
        }
        if (!found) {
            return null;
        }
        if (kind == HeaderKind.RAW || kind == HeaderKind.LIST) {
            return g.toString();
        }
        try {
            return Rfc2047.decode(g.toString(), kind == HeaderKind.DECODED ? charset : null);
        } catch (ExpansionException e) {
            return g.toString();
        }
    }
}
