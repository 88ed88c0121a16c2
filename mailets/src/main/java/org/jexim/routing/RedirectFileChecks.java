package org.jexim.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jexim.address.AddressItem;
import org.jexim.conf.lists.ExiList;

/**
 * The checks Exim's redirect router makes on a file it reads (rda_get_file_contents):
 * {@code modemask} bits must be unset, and with {@code check_owner} / {@code check_group} the
 * file must belong to the local user (check_local_user) or to one of {@code owners} /
 * {@code owngroups}. A failed check defers the address with Exim's message.
 */
final class RedirectFileChecks {
    private final int modemask;
    private final Boolean checkOwner;
    private final boolean checkGroup;
    private final String owners;
    private final String owngroups;

    RedirectFileChecks(Map<String, String> o) {
        this.modemask = Integer.parseInt(o.getOrDefault("modemask", "022").strip(), 8);
        this.checkOwner = o.containsKey("check_owner") ? RouterFactory.bool(o, "check_owner", false) : null;
        this.checkGroup = RouterFactory.bool(o, "check_group", false);
        this.owners = o.get("owners");
        this.owngroups = o.get("owngroups");
    }

    /** The error for this file, or null when it passes. */
    String check(Path file, AddressItem address) throws IOException {
        int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & modemask) != 0) {
            return String.format("bad mode (0%o) for %s: 0%o bit(s) unexpected", mode, file, modemask)
                    .replace(": 0" + Integer.toOctalString(modemask), ": " + String.format("%03o", modemask));
        }
        String localUid = address.variables().get("local_user_uid");
        String localGid = address.variables().get("local_user_gid");
        // check_owner defaults to true when check_local_user found the owner of the file
        boolean owner = checkOwner != null ? checkOwner : localUid != null;
        if (owner) {
            Set<Integer> allowed = ids(owners, "/etc/passwd");
            if (localUid != null) {
                allowed.add(Integer.parseInt(localUid));
            }
            int uid = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!allowed.isEmpty() && !allowed.contains(uid)) {
                return "bad owner for " + file;
            }
        }
        if (checkGroup) {
            Set<Integer> allowed = ids(owngroups, "/etc/group");
            if (localGid != null) {
                allowed.add(Integer.parseInt(localGid));
            }
            int gid = (Integer) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            if (!allowed.isEmpty() && !allowed.contains(gid)) {
                return "bad group for " + file;
            }
        }
        return null;
    }

    /** The numeric ids of a list of user or group names (or numbers), from passwd or group. */
    private static Set<Integer> ids(String list, String database) throws IOException {
        Set<Integer> out = new HashSet<>();
        if (list == null) {
            return out;
        }
        for (String name : ExiList.items(list)) {
            if (name.matches("\\d+")) {
                out.add(Integer.parseInt(name));
                continue;
            }
            for (String line : Files.readAllLines(Path.of(database))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[0].equals(name)) {
                    out.add(Integer.parseInt(f[2]));
                }
            }
        }
        return out;
    }
}
