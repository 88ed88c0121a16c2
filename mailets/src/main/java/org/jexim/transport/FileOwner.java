package org.jexim.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.jexim.conf.options.SystemAccounts;

/**
 * The owner and mode of what a transport creates: Exim creates files as the transport's
 * {@code user} and {@code group}; jexim, one process, gives them that owner when it runs as
 * root and leaves them its own otherwise.
 */
record FileOwner(Long uid, Long gid) {
    static final FileOwner SELF = new FileOwner(null, null);
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /**
     * The owner for a delivery, as Exim's findugid decides it: the transport's user and group when
     * set; else the user and group the router (or the system filter) gave the address; else the
     * local user check_local_user found (the gid of a user given alone is that user's).
     */
    static FileOwner forDelivery(String user, String group, org.jexim.address.AddressItem address) throws IOException {
        if (!ROOT) {
            return SELF;
        }
        java.util.Map<String, String> v = address.variables();
        String u = user != null ? user : v.get(org.jexim.routing.RouterOutcome.USER);
        String g = group != null ? group : user != null ? null : v.get(org.jexim.routing.RouterOutcome.GROUP);
        FileOwner owner = of(u, g);
        String localUid = v.get("local_user_uid");
        if (owner.uid == null && localUid != null && localUid.matches("\\d+")) {
            Long gid = owner.gid != null ? owner.gid : Long.valueOf(v.getOrDefault("local_user_gid", localUid));
            return new FileOwner(Long.valueOf(localUid), gid);
        }
        return owner;
    }

    /** The owner from the transport's user and group options; unknown names are an error. */
    static FileOwner of(String user, String group) throws IOException {
        if (!ROOT || (user == null && group == null)) {
            return SELF;
        }
        Long uid = null;
        Long gid = null;
        if (user != null) {
            SystemAccounts.Account a = SystemAccounts.LOCAL.user(user.strip())
                    .orElseThrow(() -> new IOException("user " + user.strip() + " was not found"));
            uid = a.id();
            gid = a.gid();
        }
        if (group != null) {
            gid = SystemAccounts.LOCAL.group(group.strip())
                    .orElseThrow(() -> new IOException("group " + group.strip() + " was not found")).id();
        }
        return new FileOwner(uid, gid);
    }

    /**
     * The command run as this owner (Exim's setuid before exec in a child process): behind
     * util-linux's setpriv, with the user's supplementary groups; unchanged when nothing is set.
     */
    java.util.List<String> runAs(java.util.List<String> argv) {
        if (uid == null && gid == null) {
            return argv;
        }
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("/usr/bin/setpriv"));
        if (uid != null) {
            out.add("--reuid=" + uid);
        }
        if (gid != null) {
            out.add("--regid=" + gid);
        }
        out.add(uid != null ? "--init-groups" : "--clear-groups");
        out.add("--");
        out.addAll(argv);
        return out;
    }

    void apply(Path path) throws IOException {
        if (uid != null) {
            Files.setAttribute(path, "unix:uid", uid.intValue());
        }
        if (gid != null) {
            Files.setAttribute(path, "unix:gid", gid.intValue());
        }
    }

    /** Creates the missing directories of {@code dir} with {@code mode}, owned as this says. */
    void createDirectories(Path dir, int mode) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent(), mode);
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return;
        }
        Files.setPosixFilePermissions(dir, permissions(mode));
        apply(dir);
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    static int mode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (int bit = 0; bit < 9; bit++) {
            if (perms.contains(permissions(1 << bit).iterator().next())) {
                m |= 1 << bit;
            }
        }
        return m;
    }
}
