package org.jexim.cli;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.translate.Translator;
import org.jexim.server.ServerPaths;
import org.jexim.smtp.SessionState;
import org.jexim.smtp.TestSession;
import org.jexim.submit.Caller;
import org.jexim.submit.LocalSubmission;
import org.jexim.submit.SubmitRequest;
import org.jexim.submit.SubmitSettings;

/**
 * {@code -bs}: an SMTP session on standard input and output from the calling user, as Exim runs
 * one for a local MUA or from inetd: the same dialogue and ACLs as the server (through the -bh
 * engine), each accepted message put on the spool as a local submission with protocol
 * local-smtp/local-esmtp and handed to the daemon for delivery (unless -odq or queue_only).
 */
final class SmtpStdinCommand extends LoggedCommand {
    @Override
    int run(CommandLine line, Configuration config, ServerPaths paths) throws Exception {
        SubmitSettings settings = SubmitSettings.of(config);
        SubmitRequest options = SubmitOptions.of(line);
        Path dir = Files.createTempDirectory("jexim-bs");
        try {
            Translator.translate(config).writeTo(dir);
            TestSession.of(config, dir, line.out()).runLocal(Caller.current().login(),
                    (session, sender, recipients, lines, terms) -> spool(config, settings, paths, options, line,
                            session, session.receivedProtocol(), sender, recipients, lines, terms),
                    new BufferedReader(new InputStreamReader(line.in(), StandardCharsets.ISO_8859_1)));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** One accepted message: spooled as a local submission of {@code protocol} (-bs's, or local-bsmtp), then delivered. */
    static String spool(Configuration config, SubmitSettings settings, ServerPaths paths, SubmitRequest options,
                                CommandLine line, SessionState session, String protocol, String sender, List<String> recipients,
                                List<String> lines, TestSession.MessageTerms terms) throws IOException {
        SubmitRequest request = new SubmitRequest(recipients, false, false, Optional.of(sender), options.fullName(),
                options.deliveryMode(), SubmitRequest.ErrorMode.STDERR, false, Optional.empty(), Optional.empty(),
                options.protocol(), Optional.empty(),
                session.protocolVariable("authenticated_id"), session.authenticatedSender(),
                Optional.of(new SubmitRequest.LocalSmtp(Optional.ofNullable(session.helo()), protocol,
                    terms.freeze(), terms.queue(), terms.dsn())));
        byte[] data = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            // -bS messages go through acl_not_smtp_start and acl_not_smtp, -bs ones had the SMTP ACLs
            boolean batched = protocol.equals("local-bsmtp");
            LocalSubmission.Outcome outcome = SendmailCommand.submit(config, settings, paths, request,
                    new ByteArrayInputStream(data), line, batched);
            if (outcome.refusal().isPresent()) {
                throw new org.jexim.smtp.BatchSession.Refused(outcome.refusal().get());
            }
            if (outcome.messageId().isEmpty() && batched) {
                return ""; // the non-SMTP ACLs discarded it (a blackhole line) or the MIME ACL dropped it
            }
            if (outcome.messageId().isEmpty()) {
                throw new IOException("the message was not spooled");
            }
            String id = outcome.messageId().get();
            if (SendmailCommand.shouldDeliver(request, settings) && !terms.freeze() && !terms.queue()) {
                SendmailCommand.deliver(id, request, paths, line);
            }
            return id;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
