package org.jexim.cli;

import java.util.List;
import java.util.Optional;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.SystemAccounts;

/** Renders one option of a scope as -bP prints it (readconf.c print_ol). */
final class OptionLinePrinter {
    static final String HIDDEN = "<value not displayable>";
    private static final long ONE_DAY = 24 * 60 * 60;

    private final OptionPrintSettings settings;
    private final boolean topBitChars;
    private final OptionScope main;

    /** {@code main} gives the main options other values are derived from (primary_hostname ...). */
    OptionLinePrinter(OptionPrintSettings settings, OptionScope main) {
        this.settings = settings;
        this.main = main;
        this.topBitChars = main.setting("print_topbitchars").map(s -> Boolean.TRUE.equals(s.value())).orElse(false);
    }

    String line(OptionScope scope, OptionDef def) {
        String name = def.name();
        if (!settings.admin() && scope.hidden(def)) {
            return labeled(name, HIDDEN);
        }
        Optional<OptionSetting> set = scope.setting(def);
        Object value = set.map(OptionSetting::value).orElse(null);
        if (name.startsWith("*expand_")) {
            // appendfile lists the slot where maildir_use_size_file keeps a string to expand
            value = scope.setting(name.substring(8)).map(OptionSetting::value).filter(v -> v instanceof String)
                    .orElse(null);
        }
        Object initialised = scope.initValue(def);
        if (initialised != null) {
            value = initialised;
        }
        String dflt = derivedDefault(scope, def);
        switch (def.type()) {
            case BOOL:
                return bool(name, value, dflt);
            case EXPAND_BOOL:
                if (value instanceof String s) {
                    return labeled(name, printing(s, false));
                }
                return bool(name, value, dflt);
            case STRING:
            case REWRITE:
                if (scope == main && OptionReadTimeExpansion.appliesTo(name)) {
                    String raw = value != null ? value.toString() : null;
                    String expanded = OptionReadTimeExpansion.expand(raw, java.util.Map.of(
                            "primary_hostname", effectiveString("primary_hostname"),
                            "spool_directory", name.equals("spool_directory") ? "" : effectiveString("spool_directory")));
                    return labeled(name, expanded != null ? printing(expanded, true) : orEmpty(dflt));
                }
                return labeled(name, value != null ? printing(value.toString(), true) : orEmpty(dflt));
            case INT:
                if (value == null) {
                    return labeled(name, orEmpty(dflt));
                }
                long n = ((Number) value).longValue();
                if (scope == main && name.equals("remote_max_parallel") && n <= 0) {
                    n = 1;
                }
                return labeled(name, Integer.toString((int) n));
            case MKINT:
                return labeled(name, value == null ? orEmpty(dflt) : OptionValueText.mkint(number(value)));
            case KINT:
                return labeled(name, value == null ? orEmpty(dflt) : OptionValueText.kint(number(value)));
            case OCTINT:
                return labeled(name, value == null ? orEmpty(dflt) : OptionValueText.octal(number(value)));
            case FIXED:
                if (value == null ? dflt == null : number(value) < 0) {
                    return name + " =";   // Exim prints the label even under -n here
                }
                return labeled(name, value == null ? dflt : OptionValueText.fixed(number(value)));
            case TIME: {
                if (value == null) {
                    return labeled(name, orEmpty(dflt));
                }
                long t = number(value);
                if (scope == main && name.equals("retry_interval_max") && t > ONE_DAY) {
                    t = ONE_DAY;
                }
                return labeled(name, OptionValueText.time(t));
            }
            case TIMELIST:
                return labeled(name, value == null ? orEmpty(dflt) : OptionValueText.timeList((List<?>) value));
            case FUNC:
                if (value instanceof String s) {
                    return labeled(name, printing(s, true));
                }
                return labeled(name, value == null ? orEmpty(dflt) : OptionValueText.time(number(value)));
            case UID:
            case EXPAND_UID:
                if (value instanceof String s && s.indexOf('$') >= 0) {
                    return labeled(name, printing(s, false));
                }
                return labeled(name, value == null ? orEmpty(dflt) : userName(value.toString()));
            case GID:
            case EXPAND_GID:
                if (value instanceof String s && s.indexOf('$') >= 0) {
                    return labeled(name, printing(s, false));
                }
                if (value == null) {
                    return labeled(name, groupOfUser(scope, name).orElse(orEmpty(dflt)));
                }
                return labeled(name, groupName(value.toString()));
            case UIDLIST:
            case GIDLIST:
                return idList(name, def, value, dflt);
            default:
                throw new IllegalStateException("cannot print " + def.type());
        }
    }

    private String labeled(String name, String text) {
        return settings.noLabels() ? text : name + " = " + text;
    }

    private static String bool(String name, Object value, String dflt) {
        boolean b = value instanceof Boolean v ? v : "true".equals(dflt);
        return (b ? "" : "no_") + name;
    }

    private String idList(String name, OptionDef def, Object value, String dflt) {
        StringBuilder b = new StringBuilder(settings.noLabels() ? "" : name + " =");
        if (value instanceof List<?> list) {
            char sep = settings.noLabels() ? '\0' : ' ';
            for (Object o : list) {
                if (sep != '\0') {
                    b.append(sep);
                }
                b.append(def.type() == org.jexim.conf.options.OptionType.UIDLIST
                        ? userName(o.toString()) : groupName(o.toString()));
                sep = ':';
            }
        } else if (dflt != null) {
            b.append(settings.noLabels() ? dflt : " " + dflt);
        }
        return b.toString();
    }

    /** A uid shown as getpwuid names it, or as the number. */
    private String userName(String written) {
        SystemAccounts a = settings.accounts();
        return a.user(written).map(acc -> a.userName(acc.id()).orElse(Long.toString(acc.id()))).orElse(written);
    }

    private String groupName(String written) {
        SystemAccounts a = settings.accounts();
        return a.group(written).map(acc -> a.groupName(acc.id()).orElse(Long.toString(acc.id()))).orElse(written);
    }

    /**
     * Setting a user by name also sets the matching group (exim_user → exim_group, user → group)
     * to the user's primary group when the group is not set itself.
     */
    private Optional<String> groupOfUser(OptionScope scope, String groupOption) {
        if (!groupOption.endsWith("group")) {
            return Optional.empty();
        }
        String userOption = groupOption.substring(0, groupOption.length() - 5) + "user";
        Optional<OptionSetting> user = scope.setting(userOption);
        if (user.isEmpty() || !(user.get().value() instanceof String written) || written.indexOf('$') >= 0) {
            return Optional.empty();
        }
        boolean numeric = !written.isEmpty() && written.chars().allMatch(Character::isDigit);
        // a numeric uid sets no group, except system_filter_user, whose group Exim looks up afterwards
        if (numeric && !(scope == main && userOption.equals("system_filter_user"))) {
            return Optional.empty();
        }
        SystemAccounts a = settings.accounts();
        return a.user(written).filter(acc -> acc.gid() >= 0)
                .map(acc -> a.groupName(acc.gid()).orElse(Long.toString(acc.gid())));
    }

    /** Defaults Exim computes from other options after reading the configure. */
    private String derivedDefault(OptionScope scope, OptionDef def) {
        String name = def.name();
        if (scope == main) {
            switch (name) {
                case "primary_hostname":
                    return settings.hostName().get();
                case "qualify_domain":
                    return effectiveString("primary_hostname");
                case "qualify_recipient":
                    return effectiveString("qualify_domain");
                case "process_log_path":
                    return effectiveString("spool_directory") + "/exim-process.info";
                default:
                    return scope.defaultText(def);
            }
        }
        if (scope.instance() != null && scope.instance().kind() == DriverKind.AUTHENTICATOR) {
            if (name.equals("public_name")) {
                return scope.instance().name();
            }
            if (name.equals("server_mech") && def.defaultText() == null) {
                return scope.setting("public_name").map(s -> s.value().toString()).orElse(scope.instance().name());
            }
        }
        return scope.defaultText(def);
    }

    private String effectiveString(String mainOption) {
        OptionDef def = main.find(mainOption).orElseThrow();
        Optional<OptionSetting> s = main.setting(def);
        if (s.isPresent() && s.get().value() != null && !s.get().value().toString().isEmpty()) {
            String v = s.get().value().toString();
            if (mainOption.equals("spool_directory")) {
                v = OptionReadTimeExpansion.expand(v, java.util.Map.of("primary_hostname",
                        effectiveString("primary_hostname"), "spool_directory", ""));
            }
            return v;
        }
        return derivedDefault(main, def);
    }

    private String printing(String s, boolean tabs) {
        return OptionValueText.printing(s, tabs, topBitChars);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static long number(Object v) {
        return ((Number) v).longValue();
    }
}
