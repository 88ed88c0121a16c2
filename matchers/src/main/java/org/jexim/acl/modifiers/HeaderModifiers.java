package org.jexim.acl.modifiers;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.acl.HeaderText;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.model.AclItem;

/**
 * {@code add_header = TEXT} (header lines, with Exim's placement prefixes) and
 * {@code remove_header = NAME : NAME}: recorded in the message's {@link org.jexim.acl.AclEffects},
 * applied when the message is stored.
 */
public final class HeaderModifiers {
    private HeaderModifiers() {
    }

    public static AclCondition add() {
        return (value, item, subject) -> {
            HeaderText.add(value, subject.effects());
            return AclOutcome.TRUE;
        };
    }

    public static AclCondition remove() {
        return (String value, AclItem item, AclSubject subject) -> {
            for (String name : ExiList.items(value)) {
                String n = name.strip();
                if (n.endsWith(":")) {
                    n = n.substring(0, n.length() - 1);
                }
                if (!n.isEmpty()) {
                    subject.effects().removeHeader(n);
                }
            }
            return AclOutcome.TRUE;
        };
    }
}
