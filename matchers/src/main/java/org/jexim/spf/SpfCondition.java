package org.jexim.spf;

import org.jexim.conf.lists.ExiList;

/**
 * The ACL conditions {@code spf = LIST} and {@code spf_guess = LIST} over a check's result, as
 * Exim's spf.c: the list is read left to right, an item may start with {@code !}, and the
 * condition is true at the first item whose (negated) comparison with the result holds.
 */
public final class SpfCondition {
    private SpfCondition() {
    }

    /** Whether {@code list} (already expanded) accepts {@code result}. */
    public static boolean matches(String list, SpfResult result) {
        String name = result.conditionName();
        for (String item : ExiList.items(list)) {
            boolean negate = item.startsWith("!");
            String id = negate ? item.substring(1) : item;
            if (negate != id.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
