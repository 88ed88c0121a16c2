package org.jexim.submit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The user who called jexim (Exim's real uid): login, uid, gid, supplementary groups and the
 * gecos field of the password file, from which Exim builds {@code $originator_name}.
 */
public record Caller(String login, long uid, long gid, List<Long> groups, String gecos) {

    /** The user running this JVM, looked up in /etc/passwd as Exim's getpwuid() would. */
    public static Caller current() {
        com.sun.security.auth.module.UnixSystem unix = new com.sun.security.auth.module.UnixSystem();
        long uid = unix.getUid();
        long gid = unix.getGid();
        List<Long> groups = unix.getGroups() == null ? List.of()
            : java.util.Arrays.stream(unix.getGroups()).boxed().toList();
        String login = System.getProperty("user.name", "root");
        String gecos = "";
        Optional<String[]> entry = passwdEntry(uid);
        if (entry.isPresent()) {
            login = entry.get()[0];
            gecos = entry.get().length > 4 ? entry.get()[4] : "";
        }
        return new Caller(login, uid, gid, groups, gecos);
    }

    private static Optional<String[]> passwdEntry(long uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(Long.toString(uid))) {
                    return Optional.of(f);
                }
            }
        } catch (IOException e) {
            // no password file: the login stays the JVM's user name
        }
        return Optional.empty();
    }

    /** The uid of a login or a number, as trusted_users accepts both; empty when unknown. */
    static Optional<Long> uidOf(String nameOrNumber) {
        return lookup(Path.of("/etc/passwd"), nameOrNumber);
    }

    /** The gid of a group name or number, as trusted_groups accepts both; empty when unknown. */
    static Optional<Long> gidOf(String nameOrNumber) {
        return lookup(Path.of("/etc/group"), nameOrNumber);
    }

    private static Optional<Long> lookup(Path file, String nameOrNumber) {
        String key = nameOrNumber.trim();
        if (key.matches("\\d+")) {
            return Optional.of(Long.parseLong(key));
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[0].equals(key)) {
                    return Optional.of(Long.parseLong(f[2]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
