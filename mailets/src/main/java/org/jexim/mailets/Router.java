package org.jexim.mailets;

import java.util.Map;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.matchers.RouterContexts;
import org.jexim.routing.RouterDefinition;
import org.jexim.routing.RouterFactory;
import org.jexim.routing.RouterOutcome;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;

/**
 * One Exim router: runs its driver on each recipient its precondition matcher let through.
 * Accepted recipients go to {@code transport-NAME}, redirected ones are replaced by their
 * children in {@code reroute} (back to the first router), failed ones to {@code bounce},
 * deferred ones to {@code defer}; declined ones stay and meet the next router. Written by the
 * translator, with every option of the router:
 * <pre>{@code
 * <mailet match="org.jexim.matchers.Domains=+local_domains" class="org.jexim.mailets.Router">
 *   <name>system_aliases</name>
 *   <driver>redirect</driver>
 *   <allow_fail>true</allow_fail>
 *   <data>${lookup{$local_part}lsearch{/etc/aliases}}</data>
 * </mailet>
 * }</pre>
 */
public final class Router extends GenericMailet {
    private final JeximRuntime runtime;
    private final DeliveryLog log;
    private RouterDefinition router;
    private boolean retryUseLocalPart;

    @Inject
    public Router(JeximRuntime runtime, DeliveryLog log) {
        this.runtime = runtime;
        this.log = log;
    }

    @Override
    public void init() throws MessagingException {
        String name = getInitParameter("name");
        String driver = getInitParameter("driver");
        if (name == null || driver == null) {
            throw new MessagingException("org.jexim.mailets.Router needs <name> and <driver>");
        }
        Map<String, String> options = MailetOptions.of(getMailetConfig());
        router = RouterFactory.create(name, driver, options);
        retryUseLocalPart = retryUseLocalPart(options);
    }

    /**
     * Exim's default for retry_use_local_part: true when the router looks at the local part
     * (check_local_user, local_parts, condition, prefixes/suffixes, senders, require_files).
     */
    private static boolean retryUseLocalPart(Map<String, String> options) {
        String set = options.get("retry_use_local_part");
        if (set != null) {
            return org.jexim.conf.translate.OptionTexts.bool(set, false);
        }
        return org.jexim.conf.translate.OptionTexts.bool(options.get("check_local_user"), false)
                || java.util.stream.Stream.of("local_parts", "condition", "local_part_prefix", "local_part_suffix", "senders",
                        "require_files").anyMatch(options::containsKey);
    }

    /** A deferral remembers the retry record it writes: the domain's, or the address's. */
    private RouterOutcome withRetryKey(RouterOutcome outcome) {
        if (outcome.kind() != RouterOutcome.Kind.DEFER) {
            return outcome;
        }
        AddressItem a = outcome.address();
        String key = retryUseLocalPart ? org.jexim.retry.RetryKeys.routingAddress(a.address())
                : org.jexim.retry.RetryKeys.routingDomain(a.domain());
        return RouterOutcome.defer(a.with(RetryRecords.KEY, key).with(RetryRecords.ERRNO, "-1"), outcome.message());
    }

    @Override
    public String getMailetInfo() {
        return "jexim router " + (router == null ? "" : router.name());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String messageId = RouterContexts.messageId(mail);
        RoutingContext context = RouterContexts.of(runtime, mail)
                .withMainLog(line -> log.message(messageId, line));
        context = context.withSubmission(new GeneratedSubmission(getMailetContext(),
                context.lists().primaryHostname(), messageId, log));
        RecipientGroups groups = new RecipientGroups();
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            String passTo = item.variables().get(RouterContexts.PASS_TO);
            if (passTo != null) {
                if (!passTo.equals(router.name())) {
                    groups.stay(item); // passed on to a later router (pass_router): this one is skipped
                    continue;
                }
                item = item.without(RouterContexts.PASS_TO);
            }
            String undecided = item.variables().get(RouterContexts.DEFER_MARK);
            RouterOutcome outcome = undecided != null
                    ? RouterOutcome.defer(item, undecided)
                    : router.routeAfterPreconditions(item, context);
            if (outcome.kind() == RouterOutcome.Kind.PASS && router.passRouter() != null) {
                groups.stay(item.without(Precondition.ROUTER_VARIABLES).with(RouterContexts.PASS_TO,
                        router.passRouter()));
                continue;
            }
            Outcomes.place(withRetryKey(outcome), router.name(), groups, log, RouterContexts.messageId(mail));
            if (outcome.kind() == RouterOutcome.Kind.ACCEPT && router.unseen()) {
                // unseen: the address is delivered and also goes on, as a copy, to the next routers
                groups.stay(item.without(Precondition.ROUTER_VARIABLES));
            }
        }
        groups.apply(mail, getMailetContext());
    }
}
