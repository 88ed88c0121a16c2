package org.jexim.smtp;

/** RFC 3461 xtext, as MAIL's AUTH= parameter carries an address ({@code +XX} hex escapes). */
final class XText {
    private XText() {
    }

    static String decode(String xtext) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+' && i + 2 < xtext.length()) {
                try {
                    out.append((char) Integer.parseInt(xtext.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: kept as it is
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
