package org.jexim.smtp;

import org.jexim.conf.lists.IpAddress;

/** Exim's check_helo(): a name of letters, digits, dots, hyphens (and helo_allow_chars), or an address literal. */
final class HeloSyntax {
    private HeloSyntax() {
    }

    static boolean valid(String s, String allowChars) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.charAt(0) == '[') {
            if (!s.endsWith("]")) {
                return false;
            }
            String inner = s.substring(1, s.length() - 1);
            if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
                return IpAddress.version(inner.substring(5)) == 6;
            }
            if (inner.regionMatches(true, 0, "IPv4:", 0, 5)) {
                return IpAddress.version(inner.substring(5)) == 4;
            }
            return IpAddress.version(inner) != 0;
        }
        for (char c : s.toCharArray()) {
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '.' && c != '-' && allowChars.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
