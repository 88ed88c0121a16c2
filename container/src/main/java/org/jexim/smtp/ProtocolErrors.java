package org.jexim.smtp;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.james.protocols.api.ProtocolSession;
import org.jexim.runtime.JeximRuntime;

/**
 * Exim's count of syntax and protocol errors in one connection: once it passes
 * smtp_max_synprot_errors (default 3), the reply to the error gains the line
 * "Too many syntax or protocol errors" and the connection closes.
 */
final class ProtocolErrors {
    private static final ProtocolSession.AttachmentKey<AtomicInteger> KEY =
            ProtocolSession.AttachmentKey.of("jexim.synprot", AtomicInteger.class);

    private static final ProtocolSession.AttachmentKey<AtomicInteger> UNKNOWN =
            ProtocolSession.AttachmentKey.of("jexim.unknown", AtomicInteger.class);

    private ProtocolErrors() {
    }

    /**
     * {@code 500 unrecognized command}, counted both as an unknown command (past
     * smtp_max_unknown_commands, default 3: {@code 500 Too many unrecognized commands} and the
     * connection closes) and as a protocol error.
     */
    static SmtpReply unrecognized(ProtocolSession session, JeximRuntime runtime) {
        int max = runtime.mainOption("smtp_max_unknown_commands").map(String::strip).map(Integer::parseInt).orElse(3);
        if (max > 0 && counter(session, UNKNOWN).incrementAndGet() > max) {
            badCommands(session, runtime);
            return SmtpReply.of("500", "Too many unrecognized commands").closing();
        }
        return counted(session, runtime, EximTexts.UNRECOGNIZED);
    }

    private static AtomicInteger counter(ProtocolSession session, ProtocolSession.AttachmentKey<AtomicInteger> key) {
        return session.getAttachment(key, ProtocolSession.State.Connection).orElseGet(() -> {
            AtomicInteger created = new AtomicInteger();
            session.setAttachment(key, created, ProtocolSession.State.Connection);
            return created;
        });
    }

    /** {@code reply}, counted as a protocol error: unchanged, or closing when the limit is passed. */
    static SmtpReply counted(ProtocolSession session, JeximRuntime runtime, SmtpReply reply) {
        AtomicInteger errors = counter(session, KEY);
        int max = runtime.mainOption("smtp_max_synprot_errors").map(String::strip).map(Integer::parseInt).orElse(3);
        if (max > 0 && errors.incrementAndGet() > max) {
            badCommands(session, runtime);
            if (session instanceof org.apache.james.protocols.smtp.SMTPSession smtp) {
                org.jexim.smtp.wire.InputState input = org.jexim.smtp.wire.InputState.of(session);
                org.jexim.log.SmtpConnectionLog.main().droppedForSyntaxErrors(JamesSessions.of(smtp, runtime, null).peer(),
                        input.currentCommand(), input.commandHistory());
            }
            return SmtpReply.of(reply.code(), reply.text() + "\nToo many syntax or protocol errors").closing();
        }
        return reply;
    }

    /** $smtp_notquit_reason for a connection closed for too many bad commands. */
    private static void badCommands(ProtocolSession session, JeximRuntime runtime) {
        if (session instanceof org.apache.james.protocols.smtp.SMTPSession smtp) {
            JamesSessions.of(smtp, runtime, null).ending("bad-commands");
        }
    }
}
