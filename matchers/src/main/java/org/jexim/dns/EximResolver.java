package org.jexim.dns;

import org.jexim.conf.lookup.DnsDomainList;
import org.jexim.conf.lookup.NameCheck;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * A dnsjava resolver that behaves as Exim's dns_basic_lookup around the real one, so that every
 * library asking through it (jSPF, the DKIM key retriever, dnslists) sees Exim's answers:
 * names refused by dns_check_names_pattern and A/AAAA questions about IP addresses get "no
 * such name" without a packet sent; a temporary failure (SERVFAIL, no answer) about a name in
 * dns_again_means_nonexist becomes "no such name"; an authoritative answer whose authority
 * name is in dns_trust_aa is marked authentic (the AD flag), as Exim's dns_is_secure treats it.
 */
final class EximResolver implements Resolver {
    private final Resolver inner;
    private final NameCheck names;
    private final DnsDomainList againMeansNonexist;
    private final DnsDomainList trustAa;

    EximResolver(Resolver inner, DnsSettings settings) {
        this.inner = inner;
        this.names = new NameCheck(settings.checkNamesPattern());
        this.againMeansNonexist = new DnsDomainList(settings.againMeansNonexist(), settings.namedLists());
        this.trustAa = new DnsDomainList(settings.trustAa(), settings.namedLists());
    }

    @Override
    public Message send(Message query) throws IOException {
        Record question = query.getQuestion();
        String name = question.getName().toString(true);
        int type = question.getType();
        if (!names.allows(name, type)
                || (type == Type.A || type == Type.AAAA) && org.jexim.conf.lists.IpAddress.version(name) != 0) {
            return noSuchName(query);
        }
        Message response;
        try {
            response = inner.send(query);
        } catch (IOException e) {
            if (againMeansNonexist.contains(name)) {
                return noSuchName(query);
            }
            throw e;
        }
        if (response.getRcode() == Rcode.SERVFAIL && againMeansNonexist.contains(name)) {
            return noSuchName(query);
        }
        if (response.getHeader().getFlag(Flags.AA) && !response.getHeader().getFlag(Flags.AD) && trusted(response)) {
            response.getHeader().setFlag(Flags.AD);
        }
        return response;
    }

    /** dns_trust_aa: the first NS of the authority section (the first SOA for an empty answer) is in the list. */
    private boolean trusted(Message response) {
        boolean answered = !response.getSection(Section.ANSWER).isEmpty();
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (answered ? r instanceof NSRecord : r instanceof SOARecord) {
                return trustAa.contains(r.getName().toString(true));
            }
        }
        return false;
    }

    private static Message noSuchName(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setRcode(Rcode.NXDOMAIN);
        reply.addRecord(query.getQuestion(), Section.QUESTION);
        return reply;
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query) {
        try {
            return CompletableFuture.completedFuture(send(query));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
        return sendAsync(query);
    }

    @Override
    public void setPort(int port) {
        inner.setPort(port);
    }

    @Override
    public void setTCP(boolean flag) {
        inner.setTCP(flag);
    }

    @Override
    public void setIgnoreTruncation(boolean flag) {
        inner.setIgnoreTruncation(flag);
    }

    @Override
    public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
        inner.setEDNS(version, payloadSize, flags, options);
    }

    @Override
    public void setTSIGKey(TSIG key) {
        inner.setTSIGKey(key);
    }

    @Override
    public void setTimeout(Duration timeout) {
        inner.setTimeout(timeout);
    }

    @Override
    public Duration getTimeout() {
        return inner.getTimeout();
    }
}
