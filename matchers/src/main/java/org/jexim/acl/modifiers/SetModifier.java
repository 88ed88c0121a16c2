package org.jexim.acl.modifiers;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;

/**
 * {@code set acl_c... / acl_m... = VALUE} (and {@code dkim_verify_status}/{@code _reason}):
 * connection variables live for the session, message variables until RSET or the end of the
 * message. The reader keeps the item as "NAME = value"; the engine has expanded it.
 */
public final class SetModifier implements AclCondition {
    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) {
        int eq = item.value().indexOf('=');
        String name = item.value().substring(0, eq).strip();
        // the expanded text keeps the "NAME = " prefix, which has nothing to expand
        int expandedEq = value.indexOf('=');
        String v = value.substring(expandedEq + 1);
        subject.set(name, v.startsWith(" ") ? v.substring(1) : v);
        return AclOutcome.TRUE;
    }
}
