package org.jexim.smtp;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.log.SmtpConnectionLog;
import org.jexim.smtp.wire.InputState;
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
            if (session instanceof SMTPSession smtp) {
                SessionState state = JamesSessions.of(smtp, runtime, null);
                String line = InputState.of(session).currentCommand();
                SmtpConnectionLog log = SmtpConnectionLog.main();
                log.commandError(false, state.peer(), line, EximTexts.UNRECOGNIZED.text());
                log.incompleteTransaction(state.peer(), "unrecognized command", state.sender(), state.recipients());
                log.droppedForUnrecognized(state.peer(), line);
            }
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
        SessionState state = session instanceof SMTPSession smtp ? JamesSessions.of(smtp, runtime, null) : null;
        InputState input = InputState.of(session);
        if (state != null) {
            logError(state, input.currentCommand(), reply);
        }
        if (max > 0 && errors.incrementAndGet() > max) {
            badCommands(session, runtime);
            if (state != null) {
                SmtpConnectionLog.main().droppedForSyntaxErrors(state.peer(), input.currentCommand(), input.commandHistory());
            }
            return SmtpReply.of(reply.code(), reply.text() + "\nToo many syntax or protocol errors").closing();
        }
        return reply;
    }

    /**
     * smtp_syntax_error's or smtp_protocol_error's line for a counted error: 503s are protocol errors, the
     * rest syntax errors; the text is the reply's last line without the command data it quotes. A bad
     * HELO has its own "rejected EHLO" line instead.
     */
    static void logError(SessionState state, String line, SmtpReply reply) {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(java.util.Locale.ROOT);
        if (verb.equals("HELO") || verb.equals("EHLO") || reply == null || reply.textLines().isEmpty()) {
            return;
        }
        java.util.List<String> lines = reply.textLines();
        String text = lines.get(lines.size() - 1);
        String data = state.commandData().orElse(null);
        if (data != null && text.startsWith(data + ": ")) {
            text = text.substring(data.length() + 2);
        }
        SmtpConnectionLog.main().commandError(reply.code().equals("503"), state.peer(), line, text);
    }

    /** $smtp_notquit_reason for a connection closed for too many bad commands. */
    private static void badCommands(ProtocolSession session, JeximRuntime runtime) {
        if (session instanceof SMTPSession smtp) {
            JamesSessions.of(smtp, runtime, null).ending("bad-commands");
        }
    }
}
