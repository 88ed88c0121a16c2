package org.jexim.conf.options;

import java.util.List;
import java.util.Optional;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.OptionSetting;

/**
 * The values Exim's driver init functions change after reading a driver instance (route.c
 * route_init, the routers', transports' and authenticators' *_init): -bP shows them changed.
 * Returns the typed value to print instead of the setting or default, or null for none.
 */
final class DriverInitValues {
    private static final String MBOX_PREFIX = "From ${if def:return_path{$return_path}{MAILER-DAEMON}} ${tod_bsdinbox}\n";
    private static final String QUOTA_WARNING = "To: $local_part@$domain\n"
            + "Subject: Your mailbox\n\n"
            + "This message is automatically created by mail delivery software (Exim).\n\n"
            + "The size of your mailbox has exceeded a warning threshold that is\n"
            + "set by the system administrator.\n";

    private DriverInitValues() {
    }

    static Object value(EffectiveOptions scope, OptionDef def) {
        DriverInstance d = scope.instance();
        if (d == null) {
            return null;
        }
        String name = def.name();
        switch (d.kind()) {
            case ROUTER:
                return router(scope, d, name);
            case TRANSPORT:
                return transport(scope, d, name);
            case AUTHENTICATOR:
                return authenticator(scope, d, name);
            default:
                return null;
        }
    }

    private static Object router(EffectiveOptions scope, DriverInstance d, String name) {
        if (name.equals("retry_use_local_part") && !isSet(scope, name)) {
            return bool(scope, "check_local_user") || present(scope, "local_parts") || present(scope, "condition")
                    || present(scope, "local_part_prefix") || present(scope, "local_part_suffix")
                    || present(scope, "senders") || present(scope, "require_files");
        }
        if (d.driver().equals("redirect")) {
            switch (name) {
                case "check_owner":
                    return isSet(scope, name) ? null : bool(scope, "check_local_user") || nonEmptyList(scope, "owners");
                case "check_group":
                    if (isSet(scope, name)) {
                        return null;
                    }
                    long modemask = number(scope, "modemask", 022);
                    return bool(scope, "check_local_user") && (modemask & 020) == 0 || nonEmptyList(scope, "owngroups");
                case "forbid_pipe":
                case "forbid_file":
                case "forbid_filter_reply":
                    return bool(scope, "one_time") ? Boolean.TRUE : null;
                default:
                    return null;
            }
        }
        return null;
    }

    private static Object transport(EffectiveOptions scope, DriverInstance d, String name) {
        switch (d.driver()) {
            case "appendfile":
                return appendfile(scope, name);
            case "pipe":
                if (bool(scope, "use_bsmtp")) {
                    return name.equals("check_string") ? "." : name.equals("escape_string") ? ".." : null;
                }
                return prefixes(scope, name);
            case "smtp":
                if (name.equals("port") && !present(scope, "port")) {
                    String protocol = text(scope, "protocol").orElse("smtp");
                    return protocol.equalsIgnoreCase("lmtp") ? "lmtp" : protocol.equalsIgnoreCase("smtps") ? "smtps" : "smtp";
                }
                return null;
            default:
                return null;
        }
    }

    private static Object appendfile(EffectiveOptions scope, String name) {
        boolean mbx = bool(scope, "mbx_format");
        boolean lockSet = isSet(scope, "use_lockfile") || isSet(scope, "use_fcntl_lock") || isSet(scope, "use_flock_lock")
                || isSet(scope, "use_mbx_lock");
        boolean flock = bool(scope, "use_flock_lock");
        boolean fcntl = bool(scope, "use_fcntl_lock");
        boolean lockfile = bool(scope, "use_lockfile");
        boolean mbxLock = bool(scope, "use_mbx_lock");
        if (flock && !isSet(scope, "use_fcntl_lock")) {
            fcntl = false;
        }
        if (mbx && !lockSet) {
            lockfile = false;
            flock = false;
            mbxLock = true;
            fcntl = true;
        } else if (mbxLock) {
            if (!isSet(scope, "use_lockfile")) {
                lockfile = false;
            }
            if (!isSet(scope, "use_fcntl_lock")) {
                fcntl = false;
            }
            if (!isSet(scope, "use_flock_lock")) {
                flock = false;
            }
            if (!fcntl && !flock) {
                fcntl = true;
            }
        }
        switch (name) {
            case "lock_retries":
                return number(scope, name, 10) == 0 ? 1L : null;
            case "use_lockfile":
                return lockfile;
            case "use_fcntl_lock":
                return fcntl;
            case "use_flock_lock":
                return flock;
            case "use_mbx_lock":
                return mbxLock;
            case "lock_fcntl_timeout":
                return fcntl ? null : 0L;
            case "lock_flock_timeout":
                return flock ? null : 0L;
            case "quota_warn_message":
                return present(scope, "quota_warn_threshold") && !present(scope, name) ? QUOTA_WARNING : null;
            default:
                break;
        }
        if (bool(scope, "use_bsmtp")) {
            return name.equals("check_string") ? "." : name.equals("escape_string") ? ".." : null;
        }
        if (present(scope, "directory") || bool(scope, "maildir_format") || bool(scope, "mailstore_format")) {
            return null;
        }
        if (name.equals("check_string") && !present(scope, name)) {
            return "From ";
        }
        if (name.equals("escape_string") && !present(scope, name)) {
            return ">From ";
        }
        return prefixes(scope, name);
    }

    /** The mbox-style message_prefix and message_suffix of appendfile and pipe. */
    private static Object prefixes(EffectiveOptions scope, String name) {
        if (name.equals("message_prefix") && !present(scope, name)) {
            return MBOX_PREFIX;
        }
        if (name.equals("message_suffix") && !present(scope, name)) {
            return "\n";
        }
        return null;
    }

    private static Object authenticator(EffectiveOptions scope, DriverInstance d, String name) {
        if (name.equals("public_name")) {
            if (d.driver().equals("tls")) {
                return d.name();
            }
            if (List.of("dovecot", "external", "plaintext", "spa").contains(d.driver()) && !present(scope, name)) {
                return d.name();
            }
            return null;
        }
        if (name.equals("server_mech") && !present(scope, name)
                && (d.driver().equals("cyrus_sasl") || d.driver().equals("gsasl"))) {
            return text(scope, "public_name").orElse(null);
        }
        return null;
    }

    private static boolean isSet(EffectiveOptions scope, String name) {
        return scope.setting(name).isPresent();
    }

    /** Set to a string (a pointer Exim would find non-null). */
    private static boolean present(EffectiveOptions scope, String name) {
        return scope.setting(name).map(OptionSetting::value).isPresent();
    }

    private static Optional<String> text(EffectiveOptions scope, String name) {
        return scope.setting(name).map(OptionSetting::value).map(Object::toString);
    }

    private static boolean bool(EffectiveOptions scope, String name) {
        Optional<OptionSetting> s = scope.setting(name);
        if (s.isPresent()) {
            return Boolean.TRUE.equals(s.get().value());
        }
        return scope.find(name).map(d -> "true".equals(scope.defaultText(d))).orElse(false);
    }

    private static long number(EffectiveOptions scope, String name, long dflt) {
        return scope.setting(name).map(OptionSetting::value).filter(v -> v instanceof Number)
                .map(v -> ((Number) v).longValue()).orElse(dflt);
    }

    private static boolean nonEmptyList(EffectiveOptions scope, String name) {
        return scope.setting(name).map(OptionSetting::value).filter(v -> v instanceof List<?> l && !l.isEmpty())
                .isPresent();
    }
}
