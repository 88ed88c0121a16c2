package org.jexim.acl.modifiers;

import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.options.EximTime;

/**
 * {@code delay = TIME}: waits before the reply (skipped under -bh, as Exim does); a value that
 * is not a time is an error.
 */
public final class DelayModifier implements AclCondition {
    private final boolean hostChecking;

    public DelayModifier(boolean hostChecking) {
        this.hostChecking = hostChecking;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws InterruptedException {
        int seconds = EximTime.read(value);
        if (seconds < 0) {
            return AclOutcome.error("syntax error in argument for \"delay\" modifier: \"" + value
                    + "\" is not a time value");
        }
        if (!hostChecking && seconds > 0) {
            Thread.sleep(seconds * 1000L);
        }
        return AclOutcome.TRUE;
    }
}
