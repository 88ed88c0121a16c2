package org.jexim.spf;

import java.util.Locale;
import org.apache.james.jspf.core.DNSServiceEnabled;
import org.apache.james.jspf.core.MacroExpand;
import org.apache.james.jspf.core.MacroExpandEnabled;
import org.apache.james.jspf.core.SPFCheckEnabled;
import org.apache.james.jspf.wiring.WiringServiceTable;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.DefaultTermsFactory;
import org.apache.james.jspf.parser.RFC4408SPF1Parser;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.apache.james.jspf.impl.SPF;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;

/**
 * One SPF check of a client (RFC 7208) with Apache jSPF, worded as Exim 4.96 with libspf2
 * words it: the receiving host in the comments is {@code primary_hostname}; an empty sender
 * is checked as {@code postmaster@HELO}; {@code spf_guess} applies the guess record
 * (default {@code v=spf1 a/24 mx/24 ptr ?all}) to domains that publish none.
 */
public final class SpfChecker {
    /** Exim's default for the {@code spf_guess} main option. */
    public static final String DEFAULT_GUESS = "v=spf1 a/24 mx/24 ptr ?all";
    /** Exim's default for the {@code spf_smtp_comment_template} main option. */
    public static final String DEFAULT_SMTP_COMMENT = "Please%_see%_http://www.open-spf.org/Why";

    private final DnsSettings dns;
    private final String receiver;
    private final String guessRecord;
    private final String smtpCommentTemplate;

    public SpfChecker(DnsSettings dns, String primaryHostname) {
        this(dns, primaryHostname, DEFAULT_GUESS, DEFAULT_SMTP_COMMENT);
    }

    /** {@code guessRecord}, {@code smtpCommentTemplate}: the spf_guess and spf_smtp_comment_template options. */
    public SpfChecker(DnsSettings dns, String primaryHostname, String guessRecord, String smtpCommentTemplate) {
        this.dns = dns;
        this.receiver = primaryHostname;
        this.guessRecord = guessRecord == null ? DEFAULT_GUESS : guessRecord;
        this.smtpCommentTemplate = smtpCommentTemplate == null ? DEFAULT_SMTP_COMMENT : smtpCommentTemplate;
    }

    /** Checks {@code ip} sending for {@code sender} (empty: the bounce sender) after saying {@code helo}. */
    public SpfResult check(String ip, String sender, String helo, boolean guess) {
        String from = sender == null || sender.isEmpty() ? "postmaster@" + helo : sender;
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? helo : from.substring(at + 1);
        DNSServiceXBillImpl base = new DNSServiceXBillImpl(DnsClient.resolver(dns));
        SpfLookupTrace trace = new SpfLookupTrace(base);
        GuessingDnsService service = new GuessingDnsService(trace, domain, guess ? guessRecord : null);
        // the synchronous executor: jSPF's asynchronous one asks through its own lookup session, not this resolver
        // (wired as jSPF's own SPF(DNSService) constructor wires its terms)
        WiringServiceTable wiring = new WiringServiceTable();
        MacroExpand macros = new MacroExpand(service);
        wiring.put(DNSServiceEnabled.class, service);
        wiring.put(MacroExpandEnabled.class, macros);
        SPF spf = new SPF(service, new RFC4408SPF1Parser(new DefaultTermsFactory(wiring)), macros,
                new SynchronousSPFExecutor(service));
        wiring.put(SPFCheckEnabled.class, spf);
        SPFResult r = spf.checkSPF(ip, from, helo);
        String result = r.getResult().toLowerCase(Locale.ROOT);
        boolean guessed = service.usedGuess();
        if (service.topLevelFailed() || result.equals("error")
                || (result.equals("permerror") && !compiles(service.topLevelRecords(), wiring))) {
            return SpfResult.invalid(guessed);
        }
        String what = "domain of " + domain;
        String comment = switch (result) {
            case "pass" -> what + " designates " + ip + " as permitted sender";
            case "fail" -> what + " does not designate " + ip + " as permitted sender";
            case "softfail" -> "transitioning " + what + " does not designate " + ip + " as permitted sender";
            case "neutral" -> ip + " is neither permitted nor denied by " + what;
            case "none" -> what + " does not provide an SPF record";
            case "temperror" -> "encountered temporary error during SPF processing of " + what;
            default -> "error in processing during lookup of " + what + reason(trace);
        };
        String header = receiver + ": " + comment;
        // libspf2's buffer: the receiver, the source and the address lengths plus 80, with the final NUL
        int room = receiver.length() + what.length() + ip.length() + 80 - 1;
        if (header.length() > room) {
            header = header.substring(0, room);
        }
        String smtp = switch (result) {
            case "fail", "softfail", "neutral" -> expandTemplate(ip, from, helo, domain) + " : Reason: mechanism";
            default -> "";
        };
        String received = "Received-SPF: " + result + " (" + header + ") client-ip=" + ip + "; envelope-from=" + from
                + "; helo=" + helo + ";";
        return new SpfResult(result, header, smtp, received, guessed);
    }

    /** Whether the domain's own SPF record parses: libspf2 reports a record it cannot compile as "(invalid)". */
    private static boolean compiles(java.util.List<String> records, WiringServiceTable wiring) {
        RFC4408SPF1Parser parser = new RFC4408SPF1Parser(new DefaultTermsFactory(wiring));
        for (String r : records) {
            if (r.toLowerCase(Locale.ROOT).startsWith("v=spf1")) {
                try {
                    parser.parse(r);
                } catch (org.apache.james.jspf.core.exceptions.PermErrorException
                         | org.apache.james.jspf.core.exceptions.NoneException
                         | org.apache.james.jspf.core.exceptions.NeutralException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A permerror's cause, after ": " as libspf2 words it. */
    private static String reason(SpfLookupTrace trace) {
        String e = trace.permErrorCause();
        return e == null ? "" : ": " + e;
    }

    /** The SPF macros of the template that Exim's default and common templates use. */
    private String expandTemplate(String ip, String from, String helo, String domain) {
        int at = from.lastIndexOf('@');
        return smtpCommentTemplate.replace("%_", " ").replace("%-", "%20").replace("%{i}", ip).replace("%{s}", from)
                .replace("%{l}", from.substring(0, Math.max(0, at))).replace("%{o}", domain).replace("%{d}", domain)
                .replace("%{h}", helo).replace("%%", "%");
    }
}
