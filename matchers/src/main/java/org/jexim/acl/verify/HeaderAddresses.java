package org.jexim.acl.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The addresses of one header line as Exim's verify functions scan them: each item up to a comma, white space trimmed. */
final class HeaderAddresses {
    private HeaderAddresses() {
    }

    /** The header's name as written (before the colon, trailing space removed). */
    static String name(String header) {
        int colon = header.indexOf(':');
        return header.substring(0, colon).stripTrailing();
    }

    /** Whether the header is one of {@code names} (lower case, without colon). */
    static boolean is(String header, List<String> names) {
        int colon = header.indexOf(':');
        return colon > 0 && names.contains(header.substring(0, colon).strip().toLowerCase(Locale.ROOT));
    }

    /** The raw address items of the header's value, in order (empty items dropped). */
    static List<String> items(String header) {
        String s = header.substring(header.indexOf(':') + 1);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            if (i >= s.length()) {
                break;
            }
            int end = org.jexim.conf.expand.AddressParser.findAddressEnd(s, i, false);
            out.add(s.substring(i, end).strip());
            i = end + 1;
        }
        return out;
    }
}
