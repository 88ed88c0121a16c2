package org.jexim.mailets;

import org.apache.mailet.Mail;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.Lists;
import org.jexim.matchers.RouterContexts;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryResult;

/**
 * {@code queue_smtp_domains}: at the delivery attempt that follows reception, addresses of these
 * domains that a remote transport would deliver are routed only, and the message waits for the
 * next queue run, as Exim's first-pass routing does; in the first pass of a -qq run, every
 * remote address.
 */
final class FirstPassQueueing {
    /** Exim's text for such an address (the "==" line, defer (-1)). */
    static final DeliveryResult WAIT = DeliveryResult.defer(
            "first-pass only routing due to -odqs, queue_smtp_domains or control=queue");
    /** The variable that keeps the waiting address out of retry timeouts and holds its message for a run. */
    static final String FOR_QUEUE_RUN = "_for_queue_run";

    private final String domains;

    FirstPassQueueing(JeximRuntime runtime) {
        this.domains = runtime.mainOption("queue_smtp_domains").map(String::strip).orElse("");
    }

    /** Set by the spool queue on the first pass of a two-stage queue run (-qq). */
    private static final org.apache.mailet.AttributeName TWO_STAGE = org.apache.mailet.AttributeName.of("exim.queue_2stage");

    /** Whether this delivery is the first pass of a two-stage queue run, where remote addresses are only routed. */
    static boolean twoStage(Mail mail) {
        return mail.getAttribute(TWO_STAGE).map(a -> Boolean.TRUE.equals(a.getValue().value())).orElse(false);
    }

    /** Whether the address waits for a queue run instead of being delivered by the remote transport now. */
    boolean waits(Mail mail, AddressItem address, RoutingContext context) {
        if (twoStage(mail)) {
            return true;
        }
        if (domains.isEmpty() || !RouterContexts.firstDelivery(mail)) {
            return false;
        }
        ListEnv env = ListEnv.of(context.lists()::namedList, context.lists().primaryHostname());
        return Lists.domain(address.domain().toLowerCase(java.util.Locale.ROOT), domains, env).matched();
    }
}
