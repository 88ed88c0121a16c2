package org.jexim.acl.conditions;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;

/**
 * {@code condition = STRING}: digits (the empty string too) are true when not zero; "yes" and
 * "true" are true, "no" and "false" false, anything else defers with
 * {@code invalid "condition" value}.
 */
public final class BooleanCondition implements AclCondition {
    @Override
    public AclOutcome test(String arg, AclItem item, AclSubject subject) {
        String digits = arg.startsWith("-") ? arg.substring(1) : arg;
        if (digits.chars().allMatch(Character::isDigit)) {
            return AclOutcome.of(!digits.isEmpty() && !digits.chars().allMatch(c -> c == '0'));
        }
        if (arg.equalsIgnoreCase("no") || arg.equalsIgnoreCase("false")) {
            return AclOutcome.FALSE;
        }
        if (arg.equalsIgnoreCase("yes") || arg.equalsIgnoreCase("true")) {
            return AclOutcome.TRUE;
        }
        return AclOutcome.defer("invalid \"condition\" value \"" + arg + "\"");
    }
}
