package org.jexim.acl;

import java.util.Set;

/**
 * One line of Exim's conditions[] table: the name, whether the engine expands the value before
 * calling it (expand_at_top), whether it is a modifier (never negated, always TRUE unless it
 * fails), the places it may not be used, and the implementation.
 */
public record AclConditionDef(String name, boolean expandAtTop, boolean modifier, Set<AclWhere> forbidden,
                              AclCondition condition) {
    /** A condition whose value the engine expands, allowed everywhere. */
    public static AclConditionDef condition(String name, AclCondition condition) {
        return new AclConditionDef(name, true, false, Set.of(), condition);
    }

    /** A modifier whose value the engine expands, allowed everywhere. */
    public static AclConditionDef modifier(String name, AclCondition condition) {
        return new AclConditionDef(name, true, true, Set.of(), condition);
    }

    /** This definition, forbidden at these places ("cannot test spam condition in RCPT ACL"). */
    public AclConditionDef forbiddenAt(Set<AclWhere> places) {
        return new AclConditionDef(name, expandAtTop, modifier, places, condition);
    }

    /** This definition, allowed only at these places. */
    public AclConditionDef onlyAt(AclWhere... places) {
        return forbiddenAt(AclWhere.allBut(places));
    }

    /** This definition with the value handed over unexpanded (the condition expands it itself). */
    public AclConditionDef unexpanded() {
        return new AclConditionDef(name, false, modifier, forbidden, condition);
    }
}
