package org.jexim.smtp;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;

/**
 * The server's side of MAIL's and RCPT's options as Exim takes them (see {@link SmtpParameters}
 * and {@link DsnRequests}, which -bh uses too): a wrong one gets Exim's 501; the DSN ones are kept
 * in the session for the spooled mail and taken out of the argument that James's command
 * handler then reads (it refuses RCPT options no hook of its own declares).
 */
final class DsnOptions {
    /** The refusal, or the argument for James's handler; {@code data} is the address part (Exim's smtp_cmd_data). */
    record Checked(Optional<SmtpReply> refusal, String argument, String data) {
    }

    private DsnOptions() {
    }

    static Checked mail(SMTPSession session, JeximRuntime runtime, String argument) {
        SessionState state = JamesSessions.of(session, runtime, null);
        SmtpParameters options = SmtpParameters.parse(TestSession.afterColon(argument),
                state.esmtp() ? TestSession.MAIL_OPTIONS : Set.of());
        Optional<SmtpReply> bad = options.malformed().map(text -> SmtpReply.of("501", text))
                .or(() -> Smtputf8.take(state, options))
                .or(() -> (state.dsnAdvertised() ? state.dsn().mail(options) : Optional.<String>empty())
                        .map(text -> SmtpReply.of("501", text)));
        PrdrTransaction.requested(session, state.prdrCapable() && Prdr.enabled(runtime)
                && options.options().stream().anyMatch(o -> o.name().equals("PRDR")));
        return new Checked(bad, without(argument, options, Set.of("RET", "ENVID", "SMTPUTF8", "PRDR")), options.data());
    }

    static Checked rcpt(SMTPSession session, JeximRuntime runtime, String argument, String address) {
        SessionState state = JamesSessions.of(session, runtime, null);
        SmtpParameters options = SmtpParameters.parse(TestSession.afterColon(argument),
                state.esmtp() && state.dsnAdvertised() ? TestSession.RCPT_OPTIONS : Set.of());
        Optional<String> bad = options.malformed().or(() -> state.dsn().rcpt(address, options));
        return new Checked(bad.map(text -> SmtpReply.of("501", text)), without(argument, options, TestSession.RCPT_OPTIONS),
                options.data());
    }

    /** The argument without the options named in {@code taken}, which this side handled. */
    private static String without(String argument, SmtpParameters options, Set<String> taken) {
        Set<String> drop = options.options().stream().filter(o -> taken.contains(o.name()))
                .map(o -> o.value().isEmpty() ? o.name() : o.name() + "=" + o.value()).collect(Collectors.toSet());
        if (drop.isEmpty()) {
            return argument;
        }
        return java.util.Arrays.stream(argument.split(" "))
                .filter(word -> !drop.contains(upperName(word)))
                .collect(Collectors.joining(" "));
    }

    private static String upperName(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? word.toUpperCase(java.util.Locale.ROOT) : word.substring(0, eq).toUpperCase(java.util.Locale.ROOT) + word.substring(eq);
    }
}
