package org.jexim.conf.model;

import org.jexim.conf.SourceLocation;

/**
 * A condition or modifier of an ACL statement, in configure order: its name ("hosts",
 * "message", "set" ...), whether it is negated with "!", whether it is a modifier rather than
 * a condition, and its value as written (for "set", "acl_m0 = value").
 */
public record AclItem(String name, boolean negated, boolean modifier, String value, SourceLocation location) {
}
