package org.jexim.smtp;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MailImpl;
import org.apache.james.smtpserver.ExtendedSMTPSession;
import org.apache.james.smtpserver.JamesDataCmdHandler;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.InputState;

/**
 * BDAT (CHUNKING, RFC 3030) as Exim 4.96 answers it: {@code 503 BDAT command used when CHUNKING
 * not advertised}, {@code 501 missing size for BDAT command}, {@code 503 valid RCPT command must
 * precede BDAT} (its chunk is read and dropped), {@code 504 zero size for BDAT command} (after the first chunk); no
 * acl_smtp_predata and no 354; each chunk but the last acknowledged, the last answered with the
 * message's reply after the DATA ACL. The message goes through DATA's line filters and hooks
 * ({@link ChunkedMessage}). {@link EximHandlers} adds it to the chain.
 */
public final class EximBdatCmd extends JamesDataCmdHandler {
    private static final Pattern ARGUMENT = Pattern.compile("\\s*\\+?([0-9]+)\\s*(.*)");

    private final JeximRuntime runtime;

    @Inject
    public EximBdatCmd(MetricFactory metricFactory, JeximRuntime runtime) {
        super(metricFactory);
        this.runtime = runtime;
    }

    @Override
    public Collection<String> getImplCommands() {
        return List.of("BDAT");
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionState state = JamesSessions.of(session, runtime, null);
        if (!state.chunkingAdvertised()) {
            return error(session, SmtpReply.of("503", "BDAT command used when CHUNKING not advertised"));
        }
        Matcher m = ARGUMENT.matcher(request.getArgument() == null ? "" : request.getArgument());
        if (!m.matches()) {
            return error(session, SmtpReply.of("501", "missing size for BDAT command"));
        }
        long size = Long.parseLong(m.group(1));
        boolean last = m.group(2).equalsIgnoreCase("LAST");
        ChunkedMessage message = ChunkedMessage.inProgress(session).orElse(null);
        boolean first = message == null;
        if (first) {
            Response refused = firstChunkRefused(session, state);
            if (refused != null) {
                discard(session, size);
                return refused;
            }
            if (!open(session)) {
                discard(session, size);
                return JamesReplies.response(SmtpReply.of("451", "Unexpected error preparing to receive data"));
            }
            message = ChunkedMessage.start(session, getLineHandler(), reason -> {
                String sender = session.getAttachment(SMTPSession.SENDER, ProtocolSession.State.Transaction)
                        .map(sd -> sd.asString("")).orElse("");
                String line = "rejected from <" + sender + "> " + state.peer().hostField(false) + ": " + reason;
                org.jexim.log.EximLog.main().main(line);
                org.jexim.log.EximLog.main().reject(line);
            });
        }
        if (size == 0) {
            if (last) {
                return message.finish(session);
            }
            if (first) {
                // the first chunk is read by receive_msg, which acknowledges an empty one like any other
                return message.emptyChunk();
            }
            message.onlyRset(true);
            return error(session, SmtpReply.of("504", "zero size for BDAT command"));
        }
        message.expect(size, last);
        session.pushLineHandler(message);
        InputState.of(session).expectChunk(size);
        return null; // the chunk's reply comes when its last byte has arrived
    }

    /** DATA_BDAT's check in smtp_in.c: there must be recipients (Exim's wording depends on pipelining). */
    private Response firstChunkRefused(SMTPSession session, SessionState state) {
        boolean recipients = session.getAttachment(SMTPSession.RCPT_LIST, ProtocolSession.State.Transaction)
                .map(l -> !l.isEmpty()).orElse(false);
        if (recipients) {
            return null;
        }
        return JamesReplies.response(NoRecipients.reply(session, runtime, state, "BDAT"));
    }

    /** Prepares the message store as James's DATA does. */
    private static boolean open(SMTPSession session) {
        try {
            ((ExtendedSMTPSession) session).setMimeMessageInputStreamSource(MimeMessageInputStreamSource.create(MailImpl.getId()));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void discard(SMTPSession session, long size) {
        if (size > 0) {
            session.pushLineHandler(new ChunkDiscard(size));
            InputState.of(session).expectChunk(size);
        }
    }

    private Response error(SMTPSession session, SmtpReply reply) {
        return JamesReplies.response(ProtocolErrors.counted(session, runtime, reply));
    }
}
