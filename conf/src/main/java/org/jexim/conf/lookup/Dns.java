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

    /** Asks for records of {@code type} at {@code name}, following no CNAME chain beyond the answer. */
    public static Answer query(String name, int type, int timeoutSeconds, int retries) {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return new Answer(Status.NOMATCH, List.of(), false);
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
