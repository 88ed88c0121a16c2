package org.jexim.acl;

/** What an ACL decided. ERROR is a temporary failure inside the ACL (Exim's 451). */
public enum AclVerdict {
    ACCEPT, DENY, DEFER, DISCARD, DROP, ERROR
}
