package org.jexim.matchers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.jexim.address.AddressAttributes;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;
import org.jexim.runtime.JeximRuntime;

/**
 * The shared body of the router precondition matchers: tests each recipient on its own, with
 * its own routing state, and records the variables the test set ($domain_data ...). A
 * recipient whose test cannot be decided is matched and marked, so the router defers it.
 */
abstract class PreconditionMatcher extends GenericMatcher {
    private final JeximRuntime runtime;
    private Precondition precondition;

    PreconditionMatcher(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    abstract Precondition precondition(String list);

    @Override
    public void init() {
        precondition = precondition(getCondition() == null ? "" : getCondition());
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        RoutingContext context = RouterContexts.of(runtime, mail);
        List<MailAddress> matched = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            AddressItem item = AddressAttributes.get(mail, recipient);
            if (item.variables().containsKey(RouterContexts.PASS_TO)) {
                matched.add(recipient); // the router mailet skips it, or tests it itself (pass_router)
                continue;
            }
            try {
                Optional<AddressItem> passed = precondition.test(item, context);
                if (passed.isPresent()) {
                    matched.add(recipient);
                    AddressAttributes.put(mail, recipient, passed.get());
                } else if (!item.without(Precondition.ROUTER_VARIABLES).variables().equals(item.variables())) {
                    // a router the address skips leaves no $domain_data/$local_part_data behind
                    AddressAttributes.put(mail, recipient, item.without(Precondition.ROUTER_VARIABLES));
                }
            } catch (RoutingException e) {
                matched.add(recipient);
                AddressAttributes.put(mail, recipient, item.with(RouterContexts.DEFER_MARK, e.getMessage()));
            }
        }
        return matched;
    }
}
