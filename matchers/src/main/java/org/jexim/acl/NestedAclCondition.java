package org.jexim.acl;

import org.jexim.conf.model.AclItem;

/**
 * {@code acl = NAME arg1 ...}: runs another ACL with $acl_arg1.. set; its accept is TRUE, its
 * deny FALSE, and its defer, drop and errors end the calling statement with it. A
 * {@code discard} is allowed only under {@code accept} and {@code discard}.
 */
final class NestedAclCondition implements AclCondition {
    private final AclEngine engine;

    NestedAclCondition(AclEngine engine) {
        this.engine = engine;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) {
        AclOutcome outcome = engine.nested(value, subject);
        if (outcome.code() == AclOutcome.Code.DISCARD && subject.statementVerb() != null
                && subject.statementVerb() != org.jexim.conf.model.AclVerb.ACCEPT
                && subject.statementVerb() != org.jexim.conf.model.AclVerb.DISCARD) {
            return AclOutcome.error("nested ACL returned \"discard\" for \"" + subject.statementVerb().keyword()
                    + "\" command (only allowed with \"accept\" or \"discard\")");
        }
        return outcome;
    }
}
