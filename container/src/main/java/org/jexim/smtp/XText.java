package org.jexim.smtp;

import java.util.Optional;

/** RFC 3461 xtext, as MAIL's AUTH= parameter carries an address ({@code +XX} hex escapes). */
final class XText {
    private XText() {
    }

    /**
     * The decoded text, or empty when it is not xtext as Exim's auth_xtextdecode() reads it: a
     * character outside 33..127, an '=', or a '+' not followed by two hex digits.
     */
    static Optional<String> decode(String xtext) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c < 33 || c > 127 || c == '=') {
                return Optional.empty();
            }
            if (c == '+') {
                if (i + 2 >= xtext.length() || !hex(xtext.charAt(i + 1)) || !hex(xtext.charAt(i + 2))) {
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

    private static boolean hex(char c) {
        return "0123456789abcdefABCDEF".indexOf(c) >= 0;
    }
}
