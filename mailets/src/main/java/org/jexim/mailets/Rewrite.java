package org.jexim.mailets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.lists.NamedLists;
import org.jexim.matchers.RouterContexts;
import org.jexim.routing.rewrite.HeaderRewriter;
import org.jexim.routing.rewrite.Rewriter;
import org.jexim.routing.rewrite.RuntimeRewriter;
import org.jexim.runtime.JeximRuntime;

/**
 * The rewrite section applied as Exim applies it when a message is received: the envelope
 * sender (F rules) and recipients (T rules) after qualification, then each Sender, From, To,
 * Cc, Bcc and Reply-To header (h rules, unqualified addresses qualified only for local
 * messages or hosts allowed to send them). The S rules are not applied here: the SMTP server's
 * MAIL and RCPT handlers apply them as the commands arrive (SmtpTimeRewrite). The
 * translator writes it first in the root processor when the configure has rewrite rules:
 * <pre>{@code
 * <processor state="root">
 *   <mailet match="All" class="org.jexim.mailets.Rewrite"/>
 *   <mailet match="All" class="ToProcessor"><processor>routers</processor></mailet>
 * </processor>
 * }</pre>
 */
public final class Rewrite extends GenericMailet {
    private static final AttributeName PROTOCOL = AttributeName.of("exim.spool.received_protocol");
    private static final AttributeName UNQUALIFIED_SENDER = AttributeName.of("exim.spool.allow_unqualified_sender");
    private static final AttributeName UNQUALIFIED_RECIPIENT =
            AttributeName.of("exim.spool.allow_unqualified_recipient");

    private final JeximRuntime runtime;
    private Rewriter rewriter;

    @Inject
    public Rewrite(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void init() {
        rewriter = RuntimeRewriter.of(runtime);
    }

    @Override
    public String getMailetInfo() {
        return "jexim rewrite rules at reception";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (rewriter.isEmpty() || !RouterContexts.firstDelivery(mail)) {
            return; // a later delivery attempt starts here too (for the system filter): rewritten already
        }
        MaybeSender sender = mail.getMaybeSender();
        if (!sender.isNullSender()) {
            String s = sender.asString();
            String rewritten = s.isEmpty() ? "" : rewriter.rewriteAddress(s, false);
            if (!rewritten.equals(sender.asString())) {
                setSender(mail, rewritten.isEmpty() ? null : address(rewritten));
            }
        }
        List<MailAddress> recipients = new ArrayList<>();
        for (MailAddress r : mail.getRecipients()) {
            MailAddress a = address(rewriter.rewriteAddress(r.asString(), true));
            if (!recipients.contains(a)) {
                recipients.add(a);
            }
        }
        mail.setRecipients(recipients);
        rewriteHeaders(mail);
    }

    private void rewriteHeaders(Mail mail) throws MessagingException {
        boolean local = mail.getAttribute(PROTOCOL).map(a -> String.valueOf(a.getValue().value()))
                .map(p -> p.startsWith("local")).orElse(false);
        HeaderRewriter headers = new HeaderRewriter(rewriter, local || flag(mail, UNQUALIFIED_SENDER),
                local || flag(mail, UNQUALIFIED_RECIPIENT));
        MimeMessage message = mail.getMessage();
        List<String> lines = Collections.list(message.getAllHeaderLines());
        List<String> out = new ArrayList<>();
        boolean changed = false;
        for (String line : lines) {
            String exim = line.replace("\r\n", "\n") + "\n";
            String rewritten = headers.rewrite(exim);
            if (rewritten == null) {
                out.add(line);
            } else {
                changed = true;
                out.add(rewritten.substring(0, rewritten.length() - 1).replace("\n", "\r\n"));
            }
        }
        if (!changed) {
            return;
        }
        for (String line : lines) {
            message.removeHeader(line.substring(0, Math.max(0, line.indexOf(':'))));
        }
        for (String line : out) {
            message.addHeaderLine(line);
        }
    }

    /**
     * The mailet API has no sender setter; James's MailImpl (and the test FakeMail) have one,
     * which keeps the mail's attributes (message id, spool options) that a new mail would lose.
     */
    private static void setSender(Mail mail, MailAddress sender) throws MessagingException {
        try {
            mail.getClass().getMethod("setSender", MailAddress.class).invoke(mail, sender);
        } catch (ReflectiveOperationException e) {
            throw new MessagingException("cannot rewrite the sender of a " + mail.getClass().getName(), e);
        }
    }

    private static boolean flag(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(a -> Boolean.TRUE.equals(a.getValue().value())).orElse(false);
    }

    private static MailAddress address(String text) throws MessagingException {
        try {
            return new MailAddress(text);
        } catch (AddressException e) {
            throw new MessagingException("rewriting gave a bad address " + text, e);
        }
    }
}
