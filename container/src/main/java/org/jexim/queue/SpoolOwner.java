package org.jexim.queue;

import com.sun.security.auth.module.UnixSystem;

/** The login, uid and gid written on the second line of each -H file. */
public record SpoolOwner(String login, long uid, long gid) {
    /** The user this JVM runs as. */
    public static SpoolOwner currentUser() {
        try {
            UnixSystem unix = new UnixSystem();
            return new SpoolOwner(unix.getUsername(), unix.getUid(), unix.getGid());
        } catch (RuntimeException | LinkageError e) {
            return new SpoolOwner(System.getProperty("user.name", "jexim"), 0, 0);
        }
    }
}
