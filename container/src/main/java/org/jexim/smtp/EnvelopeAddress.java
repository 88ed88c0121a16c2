package org.jexim.smtp;

import org.jexim.conf.expand.AddressParser;
import org.jexim.runtime.JeximRuntime;

/**
 * MAIL's and RCPT's address as smtp_in.c takes it before any ACL: parse_extract_address (a source
 * route dropped, domain literals only with allow_domain_literals; a syntax error is a counted
 * {@code 501 <data>: error}), then an address without a domain qualified when the client matches
 * sender_unqualified_hosts or recipient_unqualified_hosts (or, for RCPT, is a bare postmaster),
 * else refused with {@code 501 <data>: recipient address must contain a domain}, which Exim does
 * not count as a syntax error. Used by -bh and by the server's MAIL and RCPT handlers.
 */
final class EnvelopeAddress {
    /**
     * The address taken (and as given, before qualification), or the refusal and whether it counts
     * toward smtp_max_synprot_errors.
     */
    record Taken(String address, String raw, SmtpReply refusal, boolean syntaxError) {
        boolean refused() {
            return refusal != null;
        }
    }

    private EnvelopeAddress() {
    }

    /** RCPT's {@code data} (options already taken off) from the client at {@code ip}. */
    static Taken recipient(JeximRuntime runtime, SessionState session, String data) {
        return take(runtime, session, data, false);
    }

    /** MAIL's {@code data} (options already taken off); {@code <>} is the null sender. */
    static Taken sender(JeximRuntime runtime, SessionState session, String data) {
        return take(runtime, session, data, true);
    }

    private static Taken take(JeximRuntime runtime, SessionState session, String data, boolean sender) {
        boolean literals = runtime.mainOption("allow_domain_literals").map("true"::equals).orElse(false);
        AddressParser.Span span = AddressParser.extractEnvelope(data, sender, literals);
        if (span.parsed() == null) {
            return new Taken(null, null, SmtpReply.of("501", data + ": " + span.error()), true);
        }
        String address = span.parsed().address();
        if (span.parsed().domain() > 0 || address.isEmpty()) {
            return new Taken(address, address, null, false);
        }
        String hosts = sender ? "sender_unqualified_hosts" : "recipient_unqualified_hosts";
        if (AuthAdvertising.hostIn(runtime, hosts, "", session.ip()) || !sender && address.equalsIgnoreCase("postmaster")) {
            return new Taken(address + "@" + (sender ? runtime.qualifyDomain() : runtime.qualifyRecipient()), address, null, false);
        }
        String tag = sender ? "sender" : "recipient";
        org.jexim.log.SmtpConnectionLog.main().unqualified(session.peer(), tag, address);
        return new Taken(null, null, SmtpReply.of("501", data + ": " + tag + " address must contain a domain"), false);
    }

    /** What the server's MAIL or RCPT handler does next: answer with the refusal, or hand James the argument. */
    record ForJames(java.util.Optional<SmtpReply> refusal, String argument) {
    }

    /**
     * The server's MAIL ({@code sender}) or RCPT once its options were checked: a refusal (a syntax
     * error counted), or the argument for James's handler with the address as Exim took it.
     */
    static ForJames forJames(org.apache.james.protocols.smtp.SMTPSession session, JeximRuntime runtime,
                             DsnOptions.Checked checked, boolean sender) {
        if (checked.refusal().isPresent()) {
            return new ForJames(java.util.Optional.of(ProtocolErrors.counted(session, runtime, checked.refusal().get())), null);
        }
        SessionState state = JamesSessions.of(session, runtime, null);
        state.commandData(checked.data());
        Taken taken = take(runtime, state, checked.data(), sender);
        if (taken.refused()) {
            return new ForJames(java.util.Optional.of(taken.syntaxError()
                    ? ProtocolErrors.counted(session, runtime, taken.refusal()) : taken.refusal()), null);
        }
        String argument = checked.argument();
        int at = argument.indexOf(checked.data(), argument.indexOf(':') + 1);
        return new ForJames(java.util.Optional.empty(), at < 0 ? argument
                : argument.substring(0, at) + "<" + taken.address() + ">" + argument.substring(at + checked.data().length()));
    }

    /**
     * James's form of an address as Exim writes it: James's Domain drops a domain literal's brackets
     * (and refuses a dotted quad without them), so a dotted-quad domain was "[a.b.c.d]".
     */
    static String exim(org.apache.james.core.MaybeSender sender) {
        return sender.asOptional().map(EnvelopeAddress::exim).orElse("");
    }

    /** As {@link #exim(org.apache.james.core.MaybeSender)}, for a recipient. */
    static String exim(org.apache.james.core.MailAddress address) {
        String domain = address.getDomain().asString();
        return domain.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? address.getLocalPart() + "@[" + domain + "]" : address.asString();
    }
}
