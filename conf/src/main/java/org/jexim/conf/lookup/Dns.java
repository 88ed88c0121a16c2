package org.jexim.conf.lookup;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/** DNS questions for dnsdb and list matching, through dnsjava and the system's resolv.conf. */
public final class Dns {
    /** An answer: found records, no such name/data, or a temporary failure. */
    public record Answer(Status status, List<Record> records, boolean secure) {
    }

    /** How a question ended. */
    public enum Status { FOUND, NOMATCH, NODATA, AGAIN }

    private Dns() {
    }

    /**
     * Exim's checks around every question (dns_basic_lookup): a name dns_check_names_pattern
     * refuses is "no such name" without a packet sent; a temporary failure about a name in
     * dns_again_means_nonexist is "no such name" too.
     */
    public record Rules(NameCheck names, DnsDomainList againMeansNonexist) {
        /** The rules of the main options a lookup sees (Exim's default name pattern when unset). */
        public static Rules of(LookupEnv env) {
            return new Rules(new NameCheck(env.option("dns_check_names_pattern").map(String::strip)
                    .orElse(NameCheck.DEFAULT_OPTION)), new DnsDomainList(env.option("dns_again_means_nonexist")
                    .orElse(""), org.jexim.conf.lists.NamedLists.NONE));
        }
    }

    /** {@link #query(String, int, int, int)} under Exim's {@link Rules}. */
    public static Answer query(String name, int type, int timeoutSeconds, int retries, Rules rules) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!rules.names().allows(bare, type)) {
            return new Answer(Status.NOMATCH, List.of(), false);
        }
        Answer a = query(name, type, timeoutSeconds, retries);
        return a.status() == Status.AGAIN && rules.againMeansNonexist().contains(bare)
                ? new Answer(Status.NOMATCH, List.of(), false) : a;
    }

    /** Asks for records of {@code type} at {@code name}, following no CNAME chain beyond the answer. */
    public static Answer query(String name, int type, int timeoutSeconds, int retries) {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            // the resolver cannot even build the question (an empty label): Exim gets a failure, not "no such name"
            return new Answer(Status.AGAIN, List.of(), false);
        }
        try {
            Resolver r = new ExtendedResolver();
            r.setTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
            if (r instanceof ExtendedResolver er) {
                er.setRetries(Math.max(0, retries));
            }
            Message q = Message.newQuery(Record.newRecord(n, type, DClass.IN));
            Message resp = r.send(q);
            int rcode = resp.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return new Answer(Status.NOMATCH, List.of(), false);
            }
            if (rcode != Rcode.NOERROR) {
                return new Answer(Status.AGAIN, List.of(), false);
            }
            List<Record> out = new ArrayList<>(resp.getSection(Section.ANSWER));
            boolean ad = resp.getHeader().getFlag(Flags.AD);
            if (out.stream().noneMatch(rec -> rec.getType() == type)) {
                return new Answer(Status.NODATA, out, ad);
            }
            return new Answer(Status.FOUND, out, ad);
        } catch (IOException | RuntimeException e) {
            return new Answer(Status.AGAIN, List.of(), false);
        }
    }
}
