package org.jexim.smtp;

import java.util.List;
import org.jexim.acl.AclSubject;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTables;
import org.jexim.conf.expand.be.BeContext;
import org.jexim.runtime.JeximRuntime;

/**
 * Exim's Received: header for a message received over SMTP: received_header_text (its default
 * from the option table unless set) expanded, by the same formatting as local submissions
 * ({@link org.jexim.submit.ReceivedHeader}), with $sender_rcvhost, $received_protocol, $tls_in_*, $message_exim_id and
 * $received_for (the recipient, when there is exactly one), then {@code ;\n\tDATE} appended.
 * An expansion that comes out empty adds no header.
 */
public final class ReceivedHeader {
    private final JeximRuntime runtime;

    public ReceivedHeader(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    /** The header's lines without line ends (continuations start with a tab), or none. */
    public List<String> lines(SessionState state, String messageId, List<String> recipients) {
        AclSubject vars = state.subject(null);
        vars.set("message_exim_id", messageId);
        vars.set("message_id", messageId);
        vars.set("received_protocol", state.receivedProtocol());
        if (state.ip() != null) {
            vars.set("sender_rcvhost", rcvhost(state, vars));
        }
        if (recipients.size() == 1) {
            vars.set("received_for", recipients.get(0));
        }
        String text = runtime.mainOption("received_header_text")
                .or(() -> OptionTables.main().find("received_header_text").map(OptionDef::defaultText)).orElse("");
        try {
            return org.jexim.submit.ReceivedHeader.of(text, vars, BeContext.timeOfDay("tod_full"))
                    .map(h -> List.of(h.substring(0, h.length() - 1).split("\n"))).orElse(List.of());
        } catch (ExpansionException e) {
            // Exim panics over a broken received_header_text; the message is kept without the header
            return List.of();
        }
    }

    /**
     * $sender_rcvhost: "[ip]" and "(helo=NAME)" when no host name is known, "NAME ([ip] helo=HELO)"
     * when it is; the HELO part only when it says something the rest does not.
     */
    static String rcvhost(SessionState state, AclSubject vars) {
        String ip = "[" + state.ip() + "]";
        String helo = state.helo();
        String name = vars.variable("sender_host_name").filter(n -> !n.isEmpty()).orElse(null);
        boolean heloSays = helo != null && !helo.isEmpty() && !helo.equalsIgnoreCase(ip)
                && (name == null || !helo.equalsIgnoreCase(name));
        if (name == null) {
            return heloSays ? ip + " (helo=" + helo + ")" : ip;
        }
        return name + " (" + ip + (heloSays ? " helo=" + helo : "") + ")";
    }
}
