package org.jexim.smtp;

import java.util.List;
import org.jexim.acl.AclSubject;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.be.BeContext;
import org.jexim.runtime.JeximRuntime;

/**
 * Exim's Received: header (receive.c): received_header_text (Exim's compiled-in default unless
 * set) expanded with $sender_rcvhost, $received_protocol, $tls_in_*, $message_exim_id and
 * $received_for (the recipient, when there is exactly one), then {@code ;\n\tDATE} appended.
 * An expansion that comes out empty adds no header.
 */
public final class ReceivedHeader {
    /** Exim 4.96's received_header_text. */
    static final String DEFAULT_TEXT = "Received: ${if def:sender_rcvhost {from $sender_rcvhost\\n\\t}"
            + "{${if def:sender_ident {from ${quote_local_part:$sender_ident} }}"
            + "${if def:sender_helo_name {(helo=$sender_helo_name)\\n\\t}}}}"
            + "by $primary_hostname ${if def:received_protocol {with $received_protocol }}"
            + "${if def:tls_in_ver        { ($tls_in_ver)}}${if def:tls_in_cipher_std { tls $tls_in_cipher_std\\n\\t}}"
            + "(Exim $version_number)\\n\\t${if def:sender_address {(envelope-from <$sender_address>)\\n\\t}}"
            + "id $message_exim_id${if def:received_for {\\n\\tfor $received_for}}";

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
        String text;
        try {
            text = Expander.expand(runtime.mainOption("received_header_text").orElse(DEFAULT_TEXT), vars);
        } catch (ExpansionException e) {
            // Exim panics over a broken received_header_text; the default keeps the message flowing
            return List.of();
        }
        if (text.isEmpty()) {
            return List.of();
        }
        String header = text + ";\n\t" + BeContext.timeOfDay("tod_full");
        return List.of(header.split("\n"));
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
