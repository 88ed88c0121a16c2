package org.jexim.conf.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** The users and groups of this system (/etc/passwd and /etc/group), for uid and gid options. */
final class SystemAccounts {
    private final Set<String> users;
    private final Set<String> groups;

    SystemAccounts(Set<String> users, Set<String> groups) {
        this.users = users;
        this.groups = groups;
    }

    static SystemAccounts ofThisSystem() {
        return new SystemAccounts(names(Path.of("/etc/passwd")), names(Path.of("/etc/group")));
    }

    private static Set<String> names(Path file) {
        Set<String> names = new HashSet<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    names.add(line.substring(0, colon));
                }
            }
        } catch (IOException e) {
            // No account file: only numeric ids are known.
        }
        return names;
    }

    /** A name in the passwd file or a number, as Exim's route_finduser() accepts. */
    boolean userExists(String name) {
        return isNumber(name) || users.contains(name);
    }

    boolean groupExists(String name) {
        return isNumber(name) || groups.contains(name);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Ascii::isDigit);
    }
}
