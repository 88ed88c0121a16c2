package org.jexim.conf.model;

/** The verbs of an ACL statement. */
public enum AclVerb {
    ACCEPT, DEFER, DENY, DISCARD, DROP, REQUIRE, WARN;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
