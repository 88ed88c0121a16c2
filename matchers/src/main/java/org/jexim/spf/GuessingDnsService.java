package org.jexim.spf;

import java.util.List;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;

/**
 * jSPF's DNS for one check: the configured resolver, with two additions Exim's libspf2 use
 * needs: for {@code spf_guess}, the sender domain's own TXT question is answered with the
 * guess record when the domain publishes none; and it notes whether that first question
 * failed temporarily (libspf2 then reports "(invalid)", not temperror).
 */
final class GuessingDnsService extends ForwardingDnsService {
    private final String domain;
    private final String guess;
    private boolean usedGuess;
    private boolean topLevelFailed;
    private List<String> topLevelRecords = List.of();

    /** {@code guess}: the record to use when the domain has none, or null for a plain check. */
    GuessingDnsService(DNSService dns, String domain, String guess) {
        super(dns);
        this.domain = domain.toLowerCase(java.util.Locale.ROOT);
        this.guess = guess;
    }

    boolean usedGuess() {
        return usedGuess;
    }

    /** The TXT records of the sender domain itself, as published. */
    List<String> topLevelRecords() {
        return topLevelRecords;
    }

    boolean topLevelFailed() {
        return topLevelFailed;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
        boolean topLevel = (request.getRecordType() == DNSRequest.TXT || request.getRecordType() == DNSRequest.SPF)
                && strip(request.getHostname()).equals(domain);
        List<String> records;
        try {
            records = dns.getRecords(request);
        } catch (TimeoutException e) {
            if (topLevel) {
                topLevelFailed = true;
            }
            throw e;
        }
        if (topLevel && request.getRecordType() == DNSRequest.TXT && records != null) {
            topLevelRecords = records;
        }
        if (topLevel && request.getRecordType() == DNSRequest.TXT && guess != null
                && (records == null || records.stream().noneMatch(r -> r.toLowerCase(java.util.Locale.ROOT).startsWith("v=spf1")))) {
            usedGuess = true;
            return List.of(guess);
        }
        return records;
    }

    private static String strip(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
