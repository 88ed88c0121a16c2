package org.jexim.mailets;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import org.apache.mailet.MailetContext;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.autoreply.ReplySubmission;

/**
 * Sends a message routing generates (the syntax_errors_to report) from {@code <>} to the addresses
 * in its To:, as Exim's {@code -t} child receives it: Message-Id: and Date: added.
 */
final class GeneratedSubmission implements Consumer<String> {
    private final MailetContext context;
    private final String primaryHostname;
    private final String messageId;
    private final DeliveryLog log;

    GeneratedSubmission(MailetContext context, String primaryHostname, String messageId, DeliveryLog log) {
        this.context = context;
        this.primaryHostname = primaryHostname;
        this.messageId = messageId;
        this.log = log;
    }

    @Override
    public void accept(String message) {
        ExpansionContext host = name -> Optional.ofNullable(Map.of("primary_hostname", primaryHostname).get(name));
        try {
            new ReplySubmitter(context).send(recipients(message), ReplySubmission.prepare(message, host,
                    ZonedDateTime.now()));
        } catch (IOException | AddressException e) {
            // Exim forgets the report when its child cannot be started; the routing goes on
            log.message(messageId, "failed to send the syntax error report: " + e.getMessage());
        }
    }

    /** The addresses of the header's To: lines (Exim's -t). */
    private static List<String> recipients(String message) throws AddressException {
        List<String> to = new ArrayList<>();
        String head = message.substring(0, Math.max(0, message.indexOf("\n\n")));
        for (String line : head.split("\n(?![ \t])")) {
            if (line.regionMatches(true, 0, "to:", 0, 3)) {
                for (InternetAddress a : InternetAddress.parseHeader(line.substring(3), false)) {
                    to.add(a.getAddress());
                }
            }
        }
        return to;
    }
}
