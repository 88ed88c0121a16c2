package org.jexim.smtp;

import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.commons.configuration2.Configuration;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jexim.log.Arrival;
import org.jexim.log.EximLog;
import org.jexim.queue.EximMessageId;
import org.jexim.queue.SpoolAttributes;
import org.jexim.runtime.JeximRuntime;

/**
 * Puts an accepted message on the spool under a new Exim message id, writes the main log's
 * {@code <=} line, and answers {@code 250 OK id=ID} as Exim does (in place of James's
 * SendMailHandler); a message that cannot be spooled gets Exim's 451.
 */
public final class EximSpool implements JamesMessageHook {
    private final MailQueueFactory<?> queueFactory;
    private final JeximRuntime runtime;
    private MailQueue queue;

    @Inject
    public EximSpool(MailQueueFactory<?> queueFactory, JeximRuntime runtime) {
        this.queueFactory = queueFactory;
        this.runtime = runtime;
    }

    @Override
    public void init(Configuration config) {
        queue = queueFactory.createQueue(MailQueueFactory.SPOOL);
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        String id = EximReceivedHeader.messageId(session);
        EximReceivedHeader.forgetMessageId(session);
        SessionState state = JamesSessions.of(session, runtime, null);
        ArrivalControls controls = new ArrivalControls(state);
        try {
            mail.setName(id);
            spoolAttributes(mail, state);
            hostAttributes(mail, session, state);
            dsn(mail, state.dsn());
            controls.mark(mail);
            submission(mail, state, id);
            // recipients an ACL discarded were answered 250 but are not delivered
            mail.setRecipients(controls.blackholed() ? List.of() : mail.getRecipients().stream()
                    .filter(r -> !state.discarded().contains(r.asString())).collect(Collectors.toList()));
            if (!mail.getRecipients().isEmpty()) {
                ConnectionQueueing.mark(session, mail, runtime);
                queue.enQueue(mail);
            }
        } catch (Exception e) {
            Optional<java.io.IOException> writeError = writeError(e);
            if (writeError.isPresent()) {
                // a full disk or a failing spool: nothing was acknowledged, the client keeps the message
                EximLog.main().main("Message abandoned: Spool write error (" + errorText(writeError.get())
                        + ") while receiving message from " + state.peer().hostField(false).substring(2));
                return HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode("451")
                        .smtpDescription("Error while writing spool file").build();
            }
            return HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode("451")
                    .smtpDescription("Temporary local problem - please try later").build();
        }
        logArrival(session, mail, id, controls);
        SmtpReply reply = controls.fakeReply().orElse(EximTexts.queued(id));
        return JamesReplies.messageHookResult(HookReturnCode.ok(), reply);
    }

    private static Optional<java.io.IOException> writeError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    /** strerror's wording, which Java keeps at the end of the exception's message. */
    private static String errorText(java.io.IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left on device") ? "No space left on device" : m;
    }

    /** control = submission: the header fix-ups and the envelope sender of submission mode. */
    private void submission(Mail mail, SessionState state, String id) throws MessagingException,
            javax.mail.internet.AddressException {
        Optional<String> control = state.effects().control("submission");
        if (control.isEmpty()) {
            return;
        }
        String sender = SubmissionFixups.applyTo(mail.getMessage(), SubmissionFixups.Options.parse(control.get()),
                new SubmissionFixups.Context(mail.getMaybeSender().asString(""),
                        state.protocolVariable("authenticated_id").orElse(null),
                        runtime.mainOption("qualify_domain").orElse(runtime.primaryHostname()),
                        runtime.primaryHostname(), id, SubmissionFixups.now()));
        mail.getMessage().saveChanges();
        if (!sender.isEmpty() && mail instanceof org.apache.james.server.core.MailImpl impl) {
            impl.setSender(new MailAddress(sender));
        }
    }

    /** The message's DSN requests: James's parameters for the delivery side, Exim's -dsn_* lines and ORCPTs for -H. */
    private static void dsn(Mail mail, DsnRequests dsn) {
        dsn.message().attributes().forEach(mail::setAttribute);
    }

    /** What Exim's -H file records about the SMTP session ({@code -received_protocol}, {@code -auth_id}, ...). */
    private static void spoolAttributes(Mail mail, SessionState state) {
        mail.setAttribute(SpoolAttributes.option("received_protocol", state.receivedProtocol()));
        state.protocolVariable("authenticated_id").filter(v -> !v.isEmpty())
                .ifPresent(v -> mail.setAttribute(SpoolAttributes.option("auth_id", v)));
        state.authenticatedSender().ifPresent(v -> mail.setAttribute(SpoolAttributes.option("auth_sender", v)));
        state.protocolVariable("tls_in_cipher").ifPresent(v -> mail.setAttribute(SpoolAttributes.option("tls_cipher", v)));
        state.protocolVariable("tls_in_peerdn").ifPresent(v -> mail.setAttribute(SpoolAttributes.option("tls_peerdn", v)));
        if (state.protocolVariable("tls_in_certificate_verified").map("1"::equals).orElse(false)) {
            mail.setAttribute(SpoolAttributes.flag("tls_certificate_verified"));
        }
    }

    /**
     * The -H lines about the client Exim writes for an SMTP message: --helo_name and --host_name (tainted),
     * -host_address and -interface_address as {@code [ip]:port}.
     */
    private static void hostAttributes(Mail mail, SMTPSession session, SessionState state) {
        if (state.helo() != null) {
            SpoolAttributes.taintedOption("helo_name", state.helo()).forEach(mail::setAttribute);
        }
        state.peer().verifiedName().ifPresent(name -> SpoolAttributes.taintedOption("host_name", name).forEach(mail::setAttribute));
        if (state.ip() != null) {
            mail.setAttribute(SpoolAttributes.option("host_address", "[" + state.ip() + "]:" + state.peer().port()));
        }
        java.net.InetSocketAddress local = session.getLocalAddress();
        if (local != null && local.getAddress() != null) {
            mail.setAttribute(SpoolAttributes.option("interface_address",
                    "[" + local.getAddress().getHostAddress() + "]:" + local.getPort()));
        }
    }

    private void logArrival(SMTPSession session, Mail mail, String id, ArrivalControls controls) {
        SessionState state = JamesSessions.of(session, runtime, null);
        long size;
        String messageId = null;
        String subject = null;
        try {
            size = mail.getMessageSize();
            messageId = mail.getMessage().getMessageID();
            subject = mail.getMessage().getSubject();
        } catch (MessagingException e) {
            size = 0;
        }
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        Arrival arrival = Arrival.smtp(id, mail.getMaybeSender().asString(""), state.peer(),
                state.receivedProtocol() + (PrdrTransaction.ran(session) ? " PRDR" : ""), size)
                .withMessageId(messageId).withSubject(subject).withRecipients(recipients);
        java.net.InetSocketAddress local = session.getLocalAddress();
        if (local != null && local.getAddress() != null) {
            arrival = arrival.withInterface(local.getAddress().getHostAddress(), local.getPort()); // I= (incoming_interface)
        }
        if (state.encrypted()) {
            arrival = arrival.withTls(state.protocolVariable("tls_in_cipher").orElse(""),
                    state.protocolVariable("tls_in_certificate_verified").map("1"::equals).orElse(false));
        }
        if (state.authenticated()) {
            String authId = state.protocolVariable("authenticated_id").orElse("");
            arrival = arrival.withAuthenticator(state.protocolVariable("sender_host_authenticated").orElse("")
                    + (authId.isEmpty() ? "" : ":" + authId));
        }
        controls.log(arrival);
        Optional.ofNullable(state).ifPresent(SessionState::reset);
    }
}
