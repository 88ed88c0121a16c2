package org.jexim.filter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jsieve.ConfigurationManager;
import org.apache.jsieve.SieveFactory;
import org.apache.jsieve.mail.Action;
import org.apache.jsieve.mail.ActionFileInto;
import org.apache.jsieve.mail.ActionKeep;
import org.apache.jsieve.mail.ActionRedirect;
import org.apache.jsieve.mail.optional.ActionVacation;
import org.apache.jsieve.parser.generated.Node;
import org.jexim.filter.FilterResult.Outcome;

/**
 * Sieve filter files ("# Sieve filter") through Apache jSieve, with Exim's results: keep and the
 * implicit keep save to "inbox", fileinto saves to its folder, redirect delivers, vacation
 * sends a reply (to personal messages, once per sieve_vacation_directory file). Like Exim, an
 * error keeps the message in "inbox" and still counts as a significant delivery; -bf prints
 * "Implicit keep", "No implicit keep" or "Sieve error: ...".
 */
public final class SieveFilter {
    private static final SieveFactory FACTORY = factory();

    private SieveFilter() {
    }

    private static SieveFactory factory() {
        try {
            ConfigurationManager m = new ConfigurationManager();
            m.getCommandMap().remove("reject"); // Exim's Sieve has no reject
            m.getCommandMap().remove("log");
            // capabilities Exim's Sieve has and jSieve lacks: accepted by require (":user"/":detail" are jSieve's own)
            m.getTestMap().put("subaddress", "org.apache.jsieve.tests.True");
            m.getTestMap().put("copy", "org.apache.jsieve.tests.True");
            return m.build();
        } catch (Exception e) {
            throw new IllegalStateException("jSieve cannot start: " + e, e);
        }
    }

    /** The sieve_* options of the redirect router. */
    public record Options(String vacationDirectory, String userAddress, String subAddress) {
        static final Options NONE = new Options(null, null, null);
    }

    static FilterResult run(String text, FilterSetup setup, FilterMessage message, FilterAddress address) {
        return run(text, setup, message, address, Options.NONE);
    }

    public static FilterResult run(String text, FilterSetup setup, FilterMessage message, FilterAddress address,
                                   Options options) {
        String user = options.userAddress() != null ? options.userAddress()
                : (address.prefix() == null ? "" : address.prefix()) + address.localPart()
                + (address.suffix() == null ? "" : address.suffix());
        String envelopeTo = user + (options.subAddress() != null ? "+" + options.subAddress() : "") + "@"
                + address.domain();
        SieveMail mail = new SieveMail(message, envelopeTo);
        List<FilterAction> actions = new ArrayList<>();
        String summary;
        SieveRequires.Missing missing = earlier(SieveRequires.check(text), SieveSizeLimits.check(text));
        try {
            Node script = FACTORY.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
            if (missing != null) {
                throw new IllegalStateException(missing.text());
            }
            FACTORY.evaluate(mail, script);
            boolean implicit = mail.context() == null || mail.context().getCommandStateManager().isImplicitKeep();
            for (Action a : mail.getActions()) {
                FilterAction fa = convert(a, message, address, options);
                if (fa != null && !actions.contains(fa)) {
                    actions.add(fa);
                }
            }
            summary = implicit ? "Implicit keep" : "No implicit keep";
        } catch (Exception e) {
            actions.clear();
            actions.add(new FilterAction.Save("inbox", 0, false));
            String error = e.getMessage() == null ? null : SieveErrors.text(e.getMessage(), text);
            // Exim reads the script in order: the first of the two errors is the one it reports
            if (missing != null && (error == null || missing.line() < SieveErrors.line(error))) {
                error = missing.text();
            }
            summary = "Sieve error: " + oneLine(error);
        }
        if (setup.testing()) {
            setup.testOutput().print(summary + "\n");
        }
        return new FilterResult(Outcome.DELIVERED, null, List.copyOf(actions), new int[10], message);
    }

    /** Of two errors Exim finds reading the script, the one it meets first. */
    private static SieveRequires.Missing earlier(SieveRequires.Missing a, SieveRequires.Missing b) {
        return a == null ? b : b == null || a.line() <= b.line() ? a : b;
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static FilterAction convert(Action a, FilterMessage message, FilterAddress address, Options options) {
        if (a instanceof ActionKeep) {
            return new FilterAction.Save("inbox", 0, false);
        }
        if (a instanceof ActionFileInto f) {
            return new FilterAction.Save(f.getDestination(), 0, false);
        }
        if (a instanceof ActionRedirect r) {
            return new FilterAction.Deliver(r.getAddress(), null, false);
        }
        if (a instanceof ActionVacation v) {
            return vacation(v, message, address, options);
        }
        return null; // discard
    }

    /** Exim's Sieve vacation: a reply to the return path, for personal mail, once per handle within :days. */
    private static FilterAction vacation(ActionVacation v, FilterMessage message, FilterAddress address,
                                         Options options) {
        if (options.vacationDirectory() == null
                || !PersonalTest.personal(message, address, v.getAddresses() == null ? List.of() : v.getAddresses(),
                true)) {
            return null;
        }
        String subject = v.getSubject();
        if (subject == null) {
            String s = message.header("subject", org.jexim.conf.expand.HeaderKind.DECODED);
            subject = s != null ? "Auto: " + s : "Automated reply";
        }
        String handle = v.getHandle() != null ? v.getHandle()
                : (v.getSubject() == null ? "" : v.getSubject()) + (v.getFrom() == null ? "" : v.getFrom())
                + (v.getMime() != null ? "1" : "0") + v.getReason();
        String to = message.returnPath() == null ? message.sender() : message.returnPath();
        Map<String, String> args = new LinkedHashMap<>();
        args.put("to", to);
        if (v.getFrom() != null) {
            args.put("from", v.getFrom());
        }
        args.put("subject", subject);
        args.put("text", v.getReason());
        args.put("once", options.vacationDirectory() + "/" + md5(handle));
        int days = v.getDuration() > 0 ? v.getDuration() : 7;
        return new FilterAction.Reply(">" + to, args, false, false, days * 86400, false);
    }

    private static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format("%02X", x));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
