package org.jexim.acl;

import org.jexim.conf.model.AclItem;

/**
 * One ACL condition or modifier ({@code hosts}, {@code verify}, {@code spam}, {@code control},
 * ...), registered by name in {@link AclConditionTable}. The engine expands the value first
 * when the table says so, checks that the condition is allowed where the ACL runs, and inverts
 * TRUE/FALSE for a negated condition; the condition only tests (or, for a modifier, acts and
 * answers TRUE).
 */
@FunctionalInterface
public interface AclCondition {
    /**
     * @param value   the right-hand side, expanded when the table entry says {@code expandAtTop}
     * @param item    the item as written in the configure (name, negation, raw value, line)
     * @param subject the session, envelope, message and variables the ACL sees
     */
    AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception;
}
