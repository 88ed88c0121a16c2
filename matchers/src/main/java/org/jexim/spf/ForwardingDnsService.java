package org.jexim.spf;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;

/** A jSPF DNS that passes everything to another one; subclasses watch or change {@link #getRecords}. */
abstract class ForwardingDnsService implements DNSService {
    protected final DNSService dns;

    ForwardingDnsService(DNSService dns) {
        this.dns = dns;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
        return dns.getRecords(request);
    }

    @Override
    public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return getRecords(request);
            } catch (TimeoutException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public List<String> getLocalDomainNames() {
        return dns.getLocalDomainNames();
    }

    @Override
    public void setTimeOut(int timeOut) {
        dns.setTimeOut(timeOut);
    }

    @Override
    public int getRecordLimit() {
        return dns.getRecordLimit();
    }

    @Override
    public void setRecordLimit(int recordLimit) {
        dns.setRecordLimit(recordLimit);
    }
}
