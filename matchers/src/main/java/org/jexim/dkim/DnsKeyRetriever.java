package org.jexim.dkim;

import java.util.ArrayList;
import java.util.List;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.jexim.dns.DnsClient;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * jDKIM's key lookup through the configured DNS: the TXT records at
 * {@code SELECTOR._domainkey.DOMAIN}, each record's strings joined; it remembers the last
 * record so the ACL variables can show the key's details.
 */
final class DnsKeyRetriever implements PublicKeyRecordRetriever {
    private final DnsClient dns;
    private String lastRecord;

    DnsKeyRetriever(DnsClient dns) {
        this.dns = dns;
    }

    String lastRecord() {
        return lastRecord;
    }

    @Override
    public List<String> getRecords(CharSequence methodAndOptions, CharSequence selector, CharSequence token)
            throws TempFailException, PermFailException {
        DnsClient.Answer a = dns.query(selector + "._domainkey." + token, Type.TXT);
        if (a.status() == DnsClient.Status.AGAIN) {
            throw new TempFailException("DNS temporary failure for " + selector + "._domainkey." + token);
        }
        List<String> out = new ArrayList<>();
        for (Record r : a.records()) {
            out.add(String.join("", ((TXTRecord) r).getStrings()));
        }
        lastRecord = out.isEmpty() ? null : out.get(0);
        return out;
    }
}
