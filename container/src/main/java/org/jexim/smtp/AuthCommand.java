package org.jexim.smtp;

import java.util.List;
import java.util.Optional;
import org.jexim.acl.AclSubject;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.auth.AuthResult;
import org.jexim.smtp.auth.AuthStep;
import org.jexim.smtp.auth.SaslExchange;
import org.jexim.smtp.auth.ServerAuthenticator;
import org.jexim.smtp.auth.ServerAuthenticators;

/**
 * Exim's AUTH command (smtp_in.c): the checks in Exim's order (advertised, not yet
 * authenticated, outside a transaction, acl_smtp_auth, a known mechanism), the exchange with
 * the authenticator, the 235/435/501/535 replies, the "authenticator failed" log line, and
 * $sender_host_authenticated / $authenticated_id on success. The server's handler and the
 * stdin sessions drive it one line at a time.
 */
public final class AuthCommand {
    private final JeximRuntime runtime;
    private final AuthAdvertising advertising;
    private final ServerAuthenticators authenticators;
    private final AclGate gate;

    public AuthCommand(JeximRuntime runtime, AclGate gate) {
        this.runtime = runtime;
        this.advertising = new AuthAdvertising(runtime);
        this.authenticators = advertising.authenticators();
        this.gate = gate;
    }

    /** One reply of the exchange; {@code pending} is non-null while the client must send another line. */
    public record Turn(SmtpReply reply, boolean protocolError, Pending pending) {
        static Turn error(String code, String text) {
            return new Turn(SmtpReply.of(code, text), true, null);
        }
    }

    /** An exchange waiting for the client's next line. */
    public record Pending(ServerAuthenticator authenticator, SaslExchange exchange, AclSubject vars) {
    }

    /** The mechanisms EHLO lists after AUTH for this client, empty when AUTH is not advertised. */
    public List<String> advertised(SessionState state) {
        return advertising.mechanisms(state);
    }

    /** AUTH with its argument ("MECH [initial-response]"). */
    public Turn start(SessionState state, String argument, boolean extended) {
        if (!extended || !state.authAdvertised()) {
            return Turn.error("503", "AUTH command used when not advertised");
        }
        if (state.authenticated()) {
            return Turn.error("503", "already authenticated");
        }
        if (state.sender() != null) {
            return Turn.error("503", "not permitted in mail transaction");
        }
        String acl = runtime.mainOption("acl_smtp_auth").map(String::strip).orElse(null);
        if (acl != null) {
            SmtpReply check = gate.check(Stage.AUTH, acl, state, null);
            if (!check.positive()) {
                // Exim refuses AUTH with 503 where other commands get 550
                return new Turn(check.code().equals("550") ? new SmtpReply("503", check.text(), check.closes()) : check,
                        false, null);
            }
        }
        String arg = argument == null ? "" : argument.strip();
        int space = arg.indexOf(' ');
        String mechanism = space < 0 ? arg : arg.substring(0, space);
        String initial = space < 0 ? null : arg.substring(space + 1).strip();
        if (!mechanism.matches("[A-Za-z0-9_-]*")) {
            return Turn.error("501", "invalid character in authentication mechanism name");
        }
        AclSubject vars = state.subject(null);
        Optional<ServerAuthenticator> authenticator = authenticators.find(mechanism, vars);
        if (authenticator.isEmpty()) {
            return Turn.error("504", mechanism + " authentication mechanism not supported");
        }
        SaslExchange exchange = authenticator.get().exchange(vars, runtime.primaryHostname());
        return turn(state, new Pending(authenticator.get(), exchange, vars), exchange.start(initial));
    }

    /** The client's line (without CRLF) answering a 334 challenge. */
    public Turn next(SessionState state, Pending pending, String line) {
        return turn(state, pending, pending.exchange().next(line));
    }

    private Turn turn(SessionState state, Pending pending, AuthStep step) {
        if (!step.finished()) {
            return new Turn(SmtpReply.of("334", step.challenge()), false, pending);
        }
        AuthResult result = step.result();
        String name = pending.authenticator().name();
        if (result.succeeded()) {
            state.protocolVariable("sender_host_authenticated", name);
            state.protocolVariable("authenticated_id", result.setId().orElse(""));
        } else {
            String line = name + " authenticator failed for " + host(state) + ": " + result.logText();
            EximLog.main().mainAndReject(line, line);
        }
        String reply = result.reply();
        return new Turn(SmtpReply.of(reply.substring(0, 3), reply.substring(4)), false, null);
    }

    /** "(helo) [ip]" as Exim's host_and_ident names the client. */
    private static String host(SessionState state) {
        String field = state.peer().hostField(false);
        return field.startsWith("H=") ? field.substring(2) : field;
    }
}
