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
    /** The -auth_sender of the spool: the sender a client gave with MAIL AUTH= ($authenticated_sender). */
    static final AttributeName AUTH_SENDER = AttributeName.of("exim.spool.auth_sender");
    /**
     * The attribute where the spool queue says whether this is the message's first delivery
     * attempt (Exim's deliver_firsttime); a mail without it is on its first.
     */
    public static final AttributeName FIRST_DELIVERY = AttributeName.of("exim.first_delivery");

    /**
     * The variable naming the router a passed address goes to (pass_router): routers before it
     * skip the address, and its matcher lets it through so that its router tests it.
     */
    public static final String PASS_TO = "_pass_to";
    /** The routing variable carrying the DNS servers of JEXIM_DNS_SERVERS to the routers. */
    public static final String DNS_SERVERS = "_dns_servers";
    /** The routing variable carrying the resolver's search list of JEXIM_DNS_SEARCH (with JEXIM_DNS_SERVERS). */
    public static final String DNS_SEARCH = "_dns_search";
    /** The routing variable carrying the main option dns_ipv4_lookup to the routers' address lookups. */
    public static final String DNS_IPV4_LOOKUP = "_dns_ipv4_lookup";
    /** The routing variable naming the local transports, space-separated (Exim's info->local). */
    public static final String LOCAL_TRANSPORTS = "_local_transports";

    public static RoutingContext of(JeximRuntime runtime, Mail mail) {
        String sender = mail.getMaybeSender().asString("");
        return new RoutingContext(runtime, runtime.qualifyRecipient(),
                Map.of("sender_address", sender, "return_path", sender, "message_id", messageId(mail),
                        "first_delivery", firstDelivery(mail) ? "yes" : "no",
                        DNS_SERVERS, runtime.macro("JEXIM_DNS_SERVERS").orElse(""),
                        DNS_SEARCH, runtime.macro("JEXIM_DNS_SEARCH").orElse(""),
                        DNS_IPV4_LOOKUP, runtime.mainOption("dns_ipv4_lookup").orElse(""),
                        LOCAL_TRANSPORTS, runtime.localTransports(),
                        "authenticated_sender", mail.getAttribute(AUTH_SENDER)
                                .map(a -> String.valueOf(a.getValue().value())).orElse("")))
                .withMessage(MailContent.of(mail)); // $h_ for conditions and transports, read only when asked
    }

    /** Whether this is the message's first delivery attempt ($first_delivery, the filters' first_delivery). */
    public static boolean firstDelivery(Mail mail) {
        return mail.getAttribute(FIRST_DELIVERY).map(a -> !Boolean.FALSE.equals(a.getValue().value())).orElse(true);
    }

    /** The Exim message id ($message_id, the log lines' first field); James's mail name when there is none. */
    public static String messageId(Mail mail) {
        return mail.getAttribute(MESSAGE_ID).map(a -> String.valueOf(a.getValue().value())).orElse(mail.getName());
    }
}
