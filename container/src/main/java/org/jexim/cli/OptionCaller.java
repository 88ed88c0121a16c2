package org.jexim.cli;

import com.sun.security.auth.module.UnixSystem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.SystemAccounts;

/**
 * Whether the caller is an Exim admin user, who sees {@code hide} values and macros: root, the
 * Exim user, or a member of the Exim group or of admin_groups.
 */
final class OptionCaller {
    private OptionCaller() {
    }

    static boolean isAdmin(Configuration config) {
        UnixSystem me;
        try {
            me = new UnixSystem();
        } catch (Throwable e) {
            return false;
        }
        if (me.getUid() == 0) {
            return true;
        }
        if (config == null) {
            return false;
        }
        SystemAccounts accounts = SystemAccounts.LOCAL;
        String eximUser = config.mainOption("exim_user").map(s -> s.value().toString()).orElse("Debian-exim");
        if (accounts.user(eximUser).map(a -> a.id() == me.getUid()).orElse(false)) {
            return true;
        }
        Set<Long> groups = new HashSet<>();
        groups.add(me.getGid());
        for (long g : me.getGroups()) {
            groups.add(g);
        }
        String eximGroup = config.mainOption("exim_group").map(s -> s.value().toString()).orElse("Debian-exim");
        if (accounts.group(eximGroup).map(a -> groups.contains(a.id())).orElse(false)) {
            return true;
        }
        Object admins = config.mainOption("admin_groups").map(OptionSetting::value).orElse(null);
        if (admins instanceof List<?> list) {
            for (Object g : list) {
                if (accounts.group(g.toString()).map(a -> groups.contains(a.id())).orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }
}
