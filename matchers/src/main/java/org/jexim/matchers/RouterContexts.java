package org.jexim.matchers;

import java.util.Map;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.jexim.address.RoutingContext;
import org.jexim.runtime.JeximRuntime;

/** The routing context of a James mail, shared by precondition matchers and router mailets. */
public final class RouterContexts {
    /** The variable that marks a recipient whose precondition could not be decided: its router defers it. */
    public static final String DEFER_MARK = "_precondition_defer";

    private RouterContexts() {
    }

    /** The attribute where jexim's spool queue keeps the Exim message id. */
    static final AttributeName MESSAGE_ID = AttributeName.of("exim.message_id");

    /**
     * The variable naming the router a passed address goes to (pass_router): routers before it
     * skip the address, and its matcher lets it through so that its router tests it.
     */
    public static final String PASS_TO = "_pass_to";
    /** The routing variable carrying the DNS servers of JEXIM_DNS_SERVERS to the routers. */
    public static final String DNS_SERVERS = "_dns_servers";
    /** The routing variable naming the local transports, space-separated (Exim's info->local). */
    public static final String LOCAL_TRANSPORTS = "_local_transports";

    public static RoutingContext of(JeximRuntime runtime, Mail mail) {
        String sender = mail.getMaybeSender().asString("");
        return new RoutingContext(runtime, runtime.qualifyRecipient(),
                Map.of("sender_address", sender, "return_path", sender, "message_id", messageId(mail),
                        DNS_SERVERS, runtime.macro("JEXIM_DNS_SERVERS").orElse(""),
                        LOCAL_TRANSPORTS, runtime.localTransports()));
    }

    /** The Exim message id ($message_id, the log lines' first field); James's mail name when there is none. */
    public static String messageId(Mail mail) {
        return mail.getAttribute(MESSAGE_ID).map(a -> String.valueOf(a.getValue().value())).orElse(mail.getName());
    }
}
