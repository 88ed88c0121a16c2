package org.jexim.spf;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;

/**
 * jSPF's DNS for one check, watched to word a permerror's cause as libspf2 does (jSPF keeps
 * no cause): the first of a record asked for twice ("include: or redirect= caused unlimited
 * recursion"), a domain with several SPF records ("Multiple SPF or TXT records for domain."),
 * an included or redirected domain without one ("Could not find a valid SPF record"); failing
 * those, more than ten DNS-querying terms in the records read ("Mechanisms used too many DNS
 * lookups"; jSPF refuses such a record before asking).
 */
final class SpfLookupTrace extends ForwardingDnsService {
    /** RFC 7208's limit on DNS-querying terms, libspf2's max_dns_mech. */
    private static final int DNS_MECHANISM_LIMIT = 10;

    private final Set<String> spfDomains = new HashSet<>();
    private int txtQuestions;
    private int dnsTerms;
    private String cause;

    SpfLookupTrace(DNSService dns) {
        super(dns);
    }

    /** libspf2's text for why the check ended in permerror, or null when nothing explains it. */
    String permErrorCause() {
        if (cause != null) {
            return cause;
        }
        return dnsTerms > DNS_MECHANISM_LIMIT ? "Mechanisms used too many DNS lookups" : null;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
        List<String> records = dns.getRecords(request);
        if (request.getRecordType() == DNSRequest.SPF) {
            return records; // jSPF may also ask for the obsolete SPF type: libspf2 asks TXT only
        }
        if (request.getRecordType() == DNSRequest.TXT) {
            txtQuestions++;
            String host = request.getHostname().toLowerCase(Locale.ROOT);
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            long spf = records == null ? 0 : records.stream().filter(r -> r.toLowerCase(Locale.ROOT).startsWith("v=spf1")).count();
            if (cause == null) {
                if (!spfDomains.add(host)) {
                    cause = "include: or redirect= caused unlimited recursion";
                } else if (spf > 1) {
                    cause = "Multiple SPF or TXT records for domain.";
                } else if (spf == 0 && txtQuestions > 1) {
                    cause = "Could not find a valid SPF record";
                }
            }
            if (records != null) {
                records.stream().filter(r -> r.toLowerCase(Locale.ROOT).startsWith("v=spf1")).forEach(this::countDnsTerms);
            }
        }
        return records;
    }

    /** Adds the record's terms that ask the DNS (a, mx, ptr, include, exists, redirect=). */
    private void countDnsTerms(String record) {
        for (String term : record.toLowerCase(Locale.ROOT).split("\\s+")) {
            String t = term.replaceFirst("^[-+~?]", "");
            String name = t.split("[:/=]", 2)[0];
            boolean mechanism = switch (name) {
                case "a", "mx", "ptr", "include", "exists" -> !t.startsWith(name + "=");
                case "redirect" -> t.startsWith("redirect=");
                default -> false;
            };
            if (mechanism) {
                dnsTerms++;
            }
        }
    }
}
