package org.jexim.smtp;

import org.jexim.acl.RecipientVerifier;
import org.jexim.conf.expand.AddressParser;
import org.jexim.runtime.JeximRuntime;

/**
 * The SMTP commands whose whole answer comes from an ACL and Exim's fixed texts, as smtp_in.c
 * words them: VRFY (acl_smtp_vrfy, then verification: "250 &lt;a&gt; is deliverable"), EXPN,
 * ETRN (acl_smtp_etrn; "250 OK" when testing) and QUIT (acl_smtp_quit may word the 221).
 * Used by -bh and by the server's command handlers.
 */
public final class AclCommands {
    private final JeximRuntime runtime;
    private final AclGate gate;

    public AclCommands(JeximRuntime runtime, AclGate gate) {
        this.runtime = runtime;
        this.gate = gate;
    }

    /** {@code VRFY ARG}. */
    public SmtpReply vrfy(SessionState session, String argument) {
        String[] err = new String[1];
        AddressParser.Parsed parsed = AddressParser.extract(argument, err);
        if (parsed == null) {
            return SmtpReply.of("501", err[0]);
        }
        String address = parsed.address();
        if (parsed.domain() == 0) {
            if (!address.equalsIgnoreCase("postmaster")) {
                org.jexim.log.SmtpConnectionLog.main().unqualified(session.peer(), "verify", address);
                return SmtpReply.of("501", argument + ": recipient address must contain a domain");
            }
            address = address + "@" + runtime.qualifyRecipient();
        }
        AclGate.Decision d = gate.decide(Stage.VRFY, acl(Stage.VRFY), session, address);
        if (d.verdict() != org.jexim.acl.AclVerdict.ACCEPT) {
            return d.reply(); // a refusal's default code is 252, which looks positive
        }
        RecipientVerifier verifier = gate.engine().services().verifier();
        if (verifier == null) {
            return SmtpReply.of("451", "Cannot resolve <" + address + "> at this time");
        }
        RecipientVerifier.Verification v = verifier.verify(address, d.subject());
        String user = v.userMessage() != null ? v.userMessage() : v.message();
        if (v.outcome() != RecipientVerifier.Outcome.OK) {
            org.jexim.log.SmtpConnectionLog.main().vrfyFailed(session.peer(), argument);
        }
        return switch (v.outcome()) {
            case OK -> SmtpReply.of("250", "<" + address + "> is deliverable");
            case DEFER -> user != null ? SmtpReply.of("451", "<" + address + "> " + user)
                    : SmtpReply.of("451", "Cannot resolve <" + address + "> at this time");
            case FAIL -> user != null ? SmtpReply.of("550", "<" + address + "> " + user)
                    : SmtpReply.of("550", "<" + address + "> is not deliverable");
        };
    }

    /** {@code EXPN ARG}: the ACL's refusal, or what routing the (qualified) address gives. */
    public SmtpReply expn(SessionState session, String argument) {
        AclGate.Decision d = gate.decide(Stage.EXPN, acl(Stage.EXPN), session, null);
        if (d.verdict() != org.jexim.acl.AclVerdict.ACCEPT) {
            return d.reply();
        }
        String address = argument.strip();
        if (address.indexOf('@') < 0) {
            address = address + "@" + runtime.qualifyRecipient();
        }
        RecipientVerifier verifier = gate.engine().services().verifier();
        java.util.Optional<RecipientVerifier.Expansion> expansion = verifier == null ? java.util.Optional.empty()
                : verifier.expand(address, d.subject());
        if (expansion.isPresent() && expansion.get().outcome() == RecipientVerifier.Outcome.OK) {
            // one level only, as Exim's EXPN: the generated addresses, or the address itself
            java.util.List<String> children = expansion.get().children();
            if (children.isEmpty()) {
                return SmtpReply.of("250", expansion.get().routed() ? "<" + address + ">"
                        : "mail to <" + address + "> is discarded");
            }
            return SmtpReply.of("250", String.join("\n", children.stream().map(c -> "<" + c + ">").toList()));
        }
        String qualified = address;
        RecipientVerifier.Outcome outcome = expansion.map(RecipientVerifier.Expansion::outcome)
                .orElseGet(() -> verifier == null ? RecipientVerifier.Outcome.DEFER
                        : verifier.verify(qualified, d.subject()).outcome());
        return switch (outcome) {
            case OK -> SmtpReply.of("250", "<" + address + ">");
            case FAIL -> SmtpReply.of("553", address + " is undeliverable");
            case DEFER -> SmtpReply.of("553", address + " cannot be resolved at this time");
        };
    }

    /** {@code ETRN ARG}; null with {@code synprot[0]} set for a protocol error's reply. */
    public SmtpReply etrn(SessionState session, String argument) {
        if (session.sender() != null) {
            return SmtpReply.of("503", "ETRN is not permitted inside a transaction");
        }
        AclGate.Decision d = gate.decide(Stage.ETRN, acl(Stage.ETRN), session, null);
        if (d.verdict() != org.jexim.acl.AclVerdict.ACCEPT) {
            return d.reply();
        }
        if (runtime.mainOption("smtp_etrn_command").isEmpty() && !argument.startsWith("#")) {
            return SmtpReply.of("501", "argument must begin with #");
        }
        return d.result().message().map(m -> SmtpResponse.of("250", m, true, false)).orElse(SmtpReply.of("250", "OK"));
    }

    /** {@code QUIT}: the QUIT ACL runs for its side effects; its message words the 221. */
    public SmtpReply quit(SessionState session) {
        String acl = acl(Stage.QUIT);
        if (acl != null) {
            AclGate.Decision d = gate.decide(Stage.QUIT, acl, session, null);
            if (d.result().message().isPresent()) {
                // smtp_respond() without smtp_message_code(): a code in the message is text
                return SmtpReply.of("221", SmtpResponse.lines("", d.result().message().get(), false)).closing();
            }
        }
        return SmtpReply.of("221", runtime.primaryHostname() + " closing connection").closing();
    }

    /** The client went away (or was dropped) without QUIT: acl_smtp_notquit runs, nothing is sent. */
    public void notQuit(SessionState session, String reason) {
        String acl = acl(Stage.NOTQUIT);
        if (acl != null) {
            session.set("smtp_notquit_reason", reason);
            gate.decide(Stage.NOTQUIT, acl, session, null);
        }
    }

    private String acl(Stage stage) {
        return runtime.mainOption(stage.option()).map(String::strip).orElse(null);
    }
}
