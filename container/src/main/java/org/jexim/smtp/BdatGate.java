package org.jexim.smtp;

import java.util.Locale;
import java.util.Optional;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.wire.CommandGate;

/**
 * Between the chunks of a BDAT message Exim reads only BDAT, NOOP, RSET and QUIT: any other
 * command gets {@code 503 only BDAT permissible after non-LAST BDAT}, and from then on
 * everything but RSET and QUIT {@code 503 only RSET accepted now} (both protocol errors).
 */
public final class BdatGate implements CommandGate {
    private final JeximRuntime runtime;

    public BdatGate(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Optional<Response> refuse(ProtocolSession session, String line, String pending) {
        if (!(session instanceof SMTPSession smtp)) {
            return Optional.empty();
        }
        ChunkedMessage message = ChunkedMessage.inProgress(smtp).filter(m -> m.betweenChunks() || m.onlyRset()).orElse(null);
        if (message == null) {
            return Optional.empty();
        }
        String verb = line.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        if (verb.equals("rset") || verb.equals("quit")) {
            return Optional.empty();
        }
        if (!message.onlyRset() && (verb.equals("bdat") || verb.equals("noop"))) {
            return Optional.empty();
        }
        SmtpReply reply = message.onlyRset() ? SmtpReply.of("503", "only RSET accepted now")
                : SmtpReply.of("503", "only BDAT permissible after non-LAST BDAT");
        message.onlyRset(true);
        return Optional.of(JamesReplies.response(ProtocolErrors.counted(session, runtime, reply)));
    }
}
