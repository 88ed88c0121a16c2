package org.jexim.acl;

import java.util.Set;

/**
 * Where the ACLs write log lines ({@code logwrite}, "Warning:" lines of {@code warn}, panics
 * from bad configuration): the server's Exim logs; nowhere by default.
 */
public interface AclLog {
    /** Exim's log files. */
    enum Target { MAIN, REJECT, PANIC }

    AclLog NONE = (targets, line) -> { };

    /** Writes {@code line} (without the time stamp) to each target. */
    void write(Set<Target> targets, String line);

    default void main(String line) {
        write(Set.of(Target.MAIN), line);
    }

    default void panic(String line) {
        write(Set.of(Target.MAIN, Target.PANIC), line);
    }
}
