package org.jexim.conf.text;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * RFC 3461 xtext ({@code +XX} hex escapes) as Exim reads and writes it: AUTH= and ORCPT=
 * addresses on the SMTP side, ENVID and ORCPT on the spool and in the smtp transport's commands.
 */
public final class XText {
    private XText() {
    }

    /**
     * The text encoded as auth_xtextencode() does: '+', '=' and characters outside 33..127 as
     * {@code +XX} (a character above 255 as its UTF-8 bytes).
     */
    public static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 255) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append(String.format("+%02X", b & 0xff));
                }
            } else if (c < 33 || c > 127 || c == '+' || c == '=') {
                sb.append(String.format("+%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The decoded text, or empty when it is not xtext as Exim's auth_xtextdecode() reads it: a
     * character outside 33..127, an '=', or a '+' not followed by two hex digits.
     */
    public static Optional<String> decode(String xtext) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c < 33 || c > 127 || c == '=') {
                return Optional.empty();
            }
            if (c == '+') {
                if (!escapeAt(xtext, i)) {
                    return Optional.empty();
                }
                out.append((char) Integer.parseInt(xtext.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * The decoded text of what a spool file or a peer wrote, never refused: each well-formed
     * {@code +XX} decoded, anything else kept as it is.
     */
    public static String decodeLenient(String xtext) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+' && escapeAt(xtext, i)) {
                out.append((char) Integer.parseInt(xtext.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean escapeAt(String s, int plus) {
        return plus + 2 < s.length() && hex(s.charAt(plus + 1)) && hex(s.charAt(plus + 2));
    }

    private static boolean hex(char c) {
        return "0123456789abcdefABCDEF".indexOf(c) >= 0;
    }
}
