package org.jexim.acl.modifiers;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;

/** {@code queue = NAME}: the named queue the message goes to, recorded as the control "queue_name". */
public final class QueueModifier implements AclCondition {
    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) {
        if (value.indexOf('/') >= 0) {
            return AclOutcome.error("Directory separator not permitted in queue name: '" + value + "'");
        }
        subject.effects().setControl("queue_name", value);
        return AclOutcome.TRUE;
    }
}
