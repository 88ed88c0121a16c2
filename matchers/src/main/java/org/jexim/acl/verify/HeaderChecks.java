package org.jexim.acl.verify;

import java.util.List;
import org.jexim.acl.AclMessage;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.expand.AddressParser;

/**
 * {@code verify = header_syntax}, {@code header_names_ascii} and {@code not_blind}, as Exim's
 * verify_check_headers(), verify_check_header_names_ascii() and verify_check_notblind(): they
 * read the received message's header lines; with smtp_return_error_details the client sees
 * "Rejected after DATA: ...".
 */
final class HeaderChecks {
    private static final List<String> ADDRESS_HEADERS = List.of("from", "reply-to", "sender", "to", "cc", "bcc");

    AclOutcome syntax(AclSubject subject, boolean details) {
        List<String> headers = headers(subject);
        for (String h : headers) {
            if (!HeaderAddresses.is(h, ADDRESS_HEADERS)) {
                continue;
            }
            boolean senderHeader = HeaderAddresses.is(h, List.of("from", "sender"));
            for (String item : HeaderAddresses.items(h)) {
                String[] err = new String[1];
                AddressParser.Parsed p = AddressParser.extract(item, err);
                String error = err[0];
                if (p != null && p.domain() == 0 && !p.address().isEmpty() && subject.clientIp() != null) {
                    p = null;
                    error = "unqualified address not permitted";
                }
                if (p == null && !"empty address".equals(error)) {
                    String log = printing(error + ": failing address in \"" + HeaderAddresses.name(h)
                            + ":\" header is: " + item);
                    AclOutcome out = AclOutcome.FALSE.withLogMessage(log);
                    if (details) {
                        return out.withUserMessage("Rejected after DATA: " + log);
                    }
                    subject.set("acl_verify_message", log);
                    return out;
                }
            }
            if (senderHeader) {
                continue;
            }
        }
        return AclOutcome.TRUE;
    }

    AclOutcome namesAscii(AclSubject subject, boolean details) {
        for (String h : headers(subject)) {
            int colon = h.indexOf(':');
            for (int i = 0; i < colon; i++) {
                char c = h.charAt(i);
                if (c < 33 || c > 126) {
                    String log = "Invalid character in header \"" + h.substring(0, colon) + "\" found";
                    AclOutcome out = AclOutcome.FALSE.withLogMessage(log);
                    return details ? out.withUserMessage("Rejected after DATA: " + log) : out;
                }
            }
        }
        return AclOutcome.TRUE;
    }

    AclOutcome notBlind(AclSubject subject, List<String> options, String arg, boolean details) {
        boolean caseSensitive = true;
        for (String o : options) {
            if (o.equalsIgnoreCase("case_insensitive")) {
                caseSensitive = false;
            } else {
                return AclOutcome.error("unknown option \"" + o + "\" in ACL condition \"verify " + arg + "\"");
            }
        }
        String all = subject.variable("recipients").orElse("");
        for (String rcpt : all.isEmpty() ? List.<String>of() : List.of(all.split(",\\s*"))) {
            if (!mentioned(rcpt, headers(subject), caseSensitive)) {
                String log = "bcc recipient detected";
                AclOutcome out = AclOutcome.FALSE.withLogMessage(log);
                return details ? out.withUserMessage("Rejected after DATA: " + log) : out;
            }
        }
        return AclOutcome.TRUE;
    }

    private static boolean mentioned(String rcpt, List<String> headers, boolean caseSensitive) {
        int at = rcpt.lastIndexOf('@');
        for (String h : headers) {
            if (!HeaderAddresses.is(h, List.of("to", "cc"))) {
                continue;
            }
            for (String item : HeaderAddresses.items(h)) {
                AddressParser.Parsed p = AddressParser.extract(item, new String[1]);
                if (p == null || p.domain() == 0 || at < 0) {
                    continue;
                }
                String a = p.address();
                int pat = a.lastIndexOf('@');
                boolean local = caseSensitive ? a.substring(0, pat).equals(rcpt.substring(0, at))
                        : a.substring(0, pat).equalsIgnoreCase(rcpt.substring(0, at));
                if (local && a.substring(pat).equalsIgnoreCase(rcpt.substring(at))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> headers(AclSubject subject) {
        return subject.message().map(AclMessage::headerLines).orElse(List.of());
    }

    /** Exim's string_printing() for a log text: newlines and tabs escaped. */
    static String printing(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }
}
