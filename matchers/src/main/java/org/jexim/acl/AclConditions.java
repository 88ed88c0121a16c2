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

    AclConditions(ListContext lists) {
        this.hosts = ListMatcher.hosts(lists);
        this.domains = ListMatcher.domains(lists);
        this.localParts = ListMatcher.localParts(lists);
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
            default:
                throw new UnsupportedCondition("ACL condition \"" + name + "\" is not implemented in jexim yet");
        }
    }

    /** A condition the configure may use that jexim cannot evaluate yet: the ACL defers. */
    static final class UnsupportedCondition extends Exception {
        UnsupportedCondition(String message) {
            super(message);
        }
    }
}
