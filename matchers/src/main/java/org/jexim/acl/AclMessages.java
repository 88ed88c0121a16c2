package org.jexim.acl;

/** Exim's user_msgptr and log_msgptr: the messages one ACL run passes up to its caller. */
final class AclMessages {
    String user;
    String log;
    boolean tempDetails;

    void clear() {
        user = null;
        log = null;
        tempDetails = false;
    }
}
