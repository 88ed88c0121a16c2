package org.jexim.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jexim.conf.expand.AddressParser;

/**
 * Exim's filter_personal(): a message is personal when no List-* or Auto-Submitted header says
 * otherwise, To: (and for Sieve Cc:/Bcc:) holds the user's address or an alias, From: is not
 * the user nor an alias nor a daemon/list address, Precedence: is not bulk/list/junk, and the
 * sender is not empty.
 */
final class PersonalTest {
    private static final List<String> LIST_HEADERS = List.of("id:", "help:", "subscribe:", "unsubscribe:", "post:",
            "owner:", "archive:");
    private static final List<String> DAEMONS = List.of("^server@", "^daemon@", "^root@", "^listserv@",
            "^majordomo@", "^.*?-request@", "^owner-[^@]+@");

    private PersonalTest() {
    }

    static boolean personal(FilterMessage message, FilterAddress address, List<String> aliases, boolean scanCc) {
        List<String> headers = message.headerLines();
        for (String h : headers) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("list-")) {
                String rest = lower.substring(5);
                if (LIST_HEADERS.stream().anyMatch(rest::startsWith)) {
                    return false;
                }
            } else if (lower.startsWith("auto-submitted:")) {
                String v = lower.substring(15).strip();
                if (!v.equals("no")) {
                    return false;
                }
            }
        }
        List<String> self = new ArrayList<>(aliases);
        self.add(address.address());
        if (address.prefix() != null || address.suffix() != null) {
            self.add((address.prefix() == null ? "" : address.prefix()) + address.localPart()
                    + (address.suffix() == null ? "" : address.suffix()) + "@" + address.domain());
        }
        boolean toMe = anyMatch(headers, "to:", true, self)
                || scanCc && (anyMatch(headers, "cc:", true, self) || anyMatch(headers, "bcc:", true, self));
        List<String> notFrom = new ArrayList<>(aliases);
        notFrom.addAll(DAEMONS);
        notFrom.addAll(self.subList(aliases.size(), self.size()));
        return toMe
                && !anyMatch(headers, "from:", true, notFrom)
                && !anyMatch(headers, "precedence:", false, List.of("bulk", "list", "junk"))
                && (message.sender() == null || !message.sender().isEmpty());
    }

    private static boolean anyMatch(List<String> headers, String name, boolean addresses, List<String> patterns) {
        for (String p : patterns) {
            if (oneMatch(headers, name, addresses, p)) {
                return true;
            }
        }
        return false;
    }

    /** header.c's one_pattern_match: "^" patterns are caseless regexes, others exact addresses or substrings. */
    private static boolean oneMatch(List<String> headers, String name, boolean addresses, String pattern) {
        Pattern re = pattern.startsWith("^") ? Pattern.compile(pattern, Pattern.CASE_INSENSITIVE) : null;
        for (String h : headers) {
            if (h.length() < name.length() || !h.substring(0, name.length()).equalsIgnoreCase(name)) {
                continue;
            }
            if (addresses) {
                String s = h.substring(name.length());
                int from = 0;
                while (from < s.length()) {
                    int end = AddressParser.findAddressEnd(s, from, false);
                    AddressParser.Parsed a = AddressParser.extract(s.substring(from, end), new String[1]);
                    from = end < s.length() ? end + 1 : end;
                    if (a == null) {
                        break;
                    }
                    if (re != null ? re.matcher(a.address()).find() : a.address().equalsIgnoreCase(pattern)) {
                        return true;
                    }
                }
            } else if (re != null ? re.matcher(h).find()
                    : h.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
