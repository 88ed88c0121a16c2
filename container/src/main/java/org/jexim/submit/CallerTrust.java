package org.jexim.submit;

import java.util.Optional;

/**
 * Exim's trusted callers (spec 5.2): root, the Exim user, and users or groups named by
 * {@code trusted_users} / {@code trusted_groups}. Only they may set the envelope sender with -f
 * and the -oM* options.
 */
public final class CallerTrust {
    private CallerTrust() {
    }

    /**
     * @param eximUser the exim_user option (the user the daemon runs as), or empty
     */
    public static boolean trusted(Caller caller, Optional<String> eximUser, Optional<String> trustedUsers,
                                  Optional<String> trustedGroups) {
        if (caller.uid() == 0 || eximUser.flatMap(Caller::uidOf).map(u -> u == caller.uid()).orElse(false)) {
            return true;
        }
        for (String user : items(trustedUsers)) {
            if (Caller.uidOf(user).map(u -> u == caller.uid()).orElse(false)) {
                return true;
            }
        }
        for (String group : items(trustedGroups)) {
            Optional<Long> gid = Caller.gidOf(group);
            if (gid.isPresent() && (gid.get() == caller.gid() || caller.groups().contains(gid.get()))) {
                return true;
            }
        }
        return false;
    }

    private static String[] items(Optional<String> list) {
        return list.map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.split("\\s*:\\s*")).orElse(new String[0]);
    }
}
