package org.jexim.acl;

import org.jexim.lists.ListContext;
import org.jexim.lists.ListException;
import org.jexim.lists.ListMatch;
import org.jexim.lists.ListMatcher;

/** The ACL conditions jexim evaluates so far: {@code hosts}, {@code domains}, {@code local_parts}. */
final class AclConditions {
    private final ListMatcher hosts;
    private final ListMatcher domains;
    private final ListMatcher localParts;
    private final ListMatcher addresses;

    private final ListContext lists;

    AclConditions(ListContext lists) {
        this.lists = lists;
        this.hosts = ListMatcher.hosts(lists);
        this.domains = ListMatcher.domains(lists);
        this.localParts = ListMatcher.localParts(lists);
        this.addresses = ListMatcher.addresses(lists);
    }

    boolean test(String name, String value, AclSubject subject) throws ListException, UnsupportedCondition {
        switch (name) {
            case "hosts":
                return hosts.match(value, subject.clientIp()).matched();
            case "domains": {
                ListMatch m = domains.match(value, subject.domain());
                m.data().ifPresent(d -> subject.set("domain_data", d));
                return m.matched();
            }
            case "local_parts": {
                ListMatch m = localParts.match(value, subject.localPart());
                m.data().ifPresent(d -> subject.set("local_part_data", d));
                return m.matched();
            }
            case "senders":
                return addresses.match(value, subject.variable("sender_address").orElse("")).matched();
            case "sender_domains": {
                String sender = subject.variable("sender_address").orElse("");
                int at = sender.lastIndexOf('@');
                return domains.match(value, at < 0 ? "" : sender.substring(at + 1)).matched();
            }
            case "recipients":
                return addresses.match(value, subject.variable("recipient").orElse(null)).matched();
            case "condition":
                return truth(value);
            case "authenticated": {
                // an unauthenticated session fails the condition whatever the list
                String id = subject.variable("authenticated_id").orElse(null);
                return id != null && ListMatcher.localParts(lists).match(value, id).matched();
            }
            default:
                throw new UnsupportedCondition("ACL condition \"" + name + "\" is not implemented in jexim yet");
        }
    }

    /** Exim's truth of an expanded condition: empty, "0", "no" and "false" are false; "1", "yes", "true" true. */
    private static boolean truth(String value) throws UnsupportedCondition {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty() || v.equals("no") || v.equals("false") || v.matches("-?0+")) {
            return false;
        }
        if (v.equals("yes") || v.equals("true") || v.matches("-?[0-9]+")) {
            return true;
        }
        throw new UnsupportedCondition("condition: \"" + value + "\" is not a boolean");
    }

    /** A condition the configure may use that jexim cannot evaluate yet: the ACL defers. */
    static final class UnsupportedCondition extends Exception {
        UnsupportedCondition(String message) {
            super(message);
        }
    }
}
