package org.jexim.conf.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users and groups of this machine (/etc/passwd and /etc/group), for the uid and gid
 * options: Exim refuses a name it cannot find and -bP prints ids back as names.
 */
public final class SystemAccounts {
    /** The accounts of this machine. */
    public static final SystemAccounts LOCAL = new SystemAccounts(Path.of("/etc/passwd"), Path.of("/etc/group"));

    /** A user or group: its name, its id and, for a user, its primary group id (-1 for a group). */
    public record Account(String name, long id, long gid) {
    }

    private final Path passwd;
    private final Path group;
    private Map<String, Account> users;
    private Map<String, Account> groups;

    public SystemAccounts(Path passwd, Path group) {
        this.passwd = passwd;
        this.group = group;
    }

    /** A user by name or by number (a number not in the file is still a valid uid, with no name). */
    public Optional<Account> user(String nameOrId) {
        return find(users(), nameOrId);
    }

    public Optional<Account> group(String nameOrId) {
        return find(groups(), nameOrId);
    }

    /** The name of a uid, as getpwuid gives it. */
    public Optional<String> userName(long uid) {
        return users().values().stream().filter(a -> a.id() == uid).map(Account::name).findFirst();
    }

    public Optional<String> groupName(long gid) {
        return groups().values().stream().filter(a -> a.id() == gid).map(Account::name).findFirst();
    }

    private static Optional<Account> find(Map<String, Account> accounts, String nameOrId) {
        Account a = accounts.get(nameOrId);
        if (a != null) {
            return Optional.of(a);
        }
        // Exim takes digits, with an optional leading minus, as a number (route_finduser)
        String digits = nameOrId.startsWith("-") ? nameOrId.substring(1) : nameOrId;
        if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long id = Long.parseLong(nameOrId);
            return Optional.of(accounts.values().stream().filter(x -> x.id() == id).findFirst()
                    .orElse(new Account(null, id, -1)));
        }
        return Optional.empty();
    }

    private synchronized Map<String, Account> users() {
        if (users == null) {
            users = read(passwd, true);
        }
        return users;
    }

    private synchronized Map<String, Account> groups() {
        if (groups == null) {
            groups = read(group, false);
        }
        return groups;
    }

    private static Map<String, Account> read(Path file, boolean withGid) {
        Map<String, Account> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return out;
        }
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length < 3 || f[0].isEmpty() || f[0].startsWith("#")) {
                continue;
            }
            try {
                long id = Long.parseLong(f[2]);
                long gid = withGid && f.length > 3 ? Long.parseLong(f[3]) : -1;
                out.putIfAbsent(f[0], new Account(f[0], id, gid));
            } catch (NumberFormatException e) {
                // a malformed line is skipped, as getpwnam would
            }
        }
        return out;
    }
}
