package org.jexim.smtp;

import java.util.List;
import java.util.Optional;
import org.jexim.log.SmtpConnectionLog;
import org.jexim.log.SmtpPeer;
import org.jexim.runtime.JeximRuntime;

/**
 * Exim's limits on a received message's header section (receive.c): more than header_maxsize
 * characters in all (default 1M) or a header line, continuations included, longer than
 * header_line_maxsize (default 0, no limit) abandons the message with a 552 and a main log line;
 * neither the MIME nor the DATA ACL runs. Sizes count LF line ends, as Exim reads them.
 */
final class HeaderLimits {
    static final SmtpReply TOO_BIG = SmtpReply.of("552", "Message header is ridiculously long");
    static final SmtpReply LINE_TOO_LONG = SmtpReply.of("552", "A message header line is too long");

    private final long maxSize;
    private final long maxLine;

    HeaderLimits(long maxSize, long maxLine) {
        this.maxSize = maxSize;
        this.maxLine = maxLine;
    }

    static HeaderLimits of(JeximRuntime runtime) {
        return new HeaderLimits(SizeLimit.bytes(runtime.mainOption("header_maxsize").orElse("1M")),
                SizeLimit.bytes(runtime.mainOption("header_line_maxsize").orElse("0")));
    }

    /**
     * The 552 for a message of {@code lines} (no line ends) that passes a limit, its log line
     * written; empty when it is within them.
     */
    Optional<SmtpReply> check(List<String> lines, SmtpPeer peer) {
        long total = 0;
        long logical = 0;
        for (String line : lines) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!continuation) {
                if (logical > 0 && maxLine > 0 && logical > maxLine) {
                    return refuse(peer, "overlong message header line", maxLine, LINE_TOO_LONG);
                }
                if (line.isEmpty() || line.indexOf(':') < 0) {
                    return Optional.empty(); // the body starts
                }
                logical = 0;
            }
            total += line.length() + 1;
            logical += line.length() + 1;
            if (total > maxSize) {
                return refuse(peer, "ridiculously long message header", maxSize, TOO_BIG);
            }
        }
        return logical > 0 && maxLine > 0 && logical > maxLine
                ? refuse(peer, "overlong message header line", maxLine, LINE_TOO_LONG) : Optional.empty();
    }

    private static Optional<SmtpReply> refuse(SmtpPeer peer, String what, long limit, SmtpReply reply) {
        SmtpConnectionLog.main().headerAbandoned(peer, what, limit);
        return Optional.of(reply);
    }
}
