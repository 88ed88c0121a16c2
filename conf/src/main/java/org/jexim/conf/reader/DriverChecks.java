package org.jexim.conf.reader;

import java.util.List;
import java.util.Set;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.DriverInstance;

/**
 * The consistency checks Exim's drivers make once an instance is read (their init functions)
 * and those made once a whole section is read (route_init, transport_init, auths_init).
 */
final class DriverChecks {
    private static final Set<String> NEEDS_TRANSPORT = Set.of("accept", "dnslookup", "ipliteral");
    private static final Set<String> REFUSES_TRANSPORT = Set.of("iplookup", "redirect");
    private static final List<String> HOST_FIND_FAILED = List.of("ignore", "decline", "defer", "fail", "freeze", "pass");
    private static final Set<String> LOCAL_TRANSPORTS = Set.of("appendfile", "autoreply", "lmtp", "pipe", "queuefile");

    /** Checks of one instance, as its driver's init function makes them. */
    void checkInstance(DriverInstance d) throws ConfigurationException {
        switch (d.kind()) {
            case ROUTER -> checkRouter(d);
            case TRANSPORT -> checkTransport(d);
            case AUTHENTICATOR -> {
            }
        }
    }

    private static void checkRouter(DriverInstance d) throws ConfigurationException {
        String item = d.name() + " router";
        if (d.driver().equals("redirect")) {
            boolean file = set(d, "file");
            if (file == set(d, "data")) {
                throw ConfigurationException.forItem(item, (file ? "only " : "") + "one of \"file\" or \"data\" must be specified");
            }
            if (isTrue(d, "one_time")) {
                if (set(d, "headers_add") || set(d, "headers_remove")) {
                    throw ConfigurationException.forItem(item,
                            "\"headers_add\" and \"headers_remove\" are not permitted with \"one_time\"");
                }
                if (set(d, "unseen") && !Boolean.FALSE.equals(value(d, "unseen"))) {
                    throw ConfigurationException.forItem(item, "\"unseen\" may not be used with \"one_time\"");
                }
            }
            if (set(d, "qualify_domain") && isTrue(d, "qualify_preserve_domain")) {
                throw ConfigurationException.forItem(item,
                        "only one of \"qualify_domain\" or \"qualify_preserve_domain\" must be set");
            }
            if (isTrue(d, "allow_filter") && !isTrue(d, "check_local_user") && !set(d, "user")) {
                throw ConfigurationException.forItem(item, "\"user\" or \"check_local_user\" must be set with \"allow_filter\"");
            }
        } else if (d.driver().equals("iplookup")) {
            if (!set(d, "port")) {
                throw ConfigurationException.forItem(item, "a port must be specified");
            }
            if (!set(d, "hosts")) {
                throw ConfigurationException.forItem(item, "a host list must be specified");
            }
            String protocol = d.text("protocol").orElse("udp");
            if (!protocol.equals("udp") && !protocol.equals("tcp")) {
                throw ConfigurationException.forItem(item, "protocol not specified as udp or tcp");
            }
        } else if (d.driver().equals("queryprogram")) {
            if (!set(d, "command")) {
                throw ConfigurationException.forItem(item, "a command specification is required");
            }
            if (!set(d, "command_user")) {
                throw ConfigurationException.forItem(item, "command_user must be specified");
            }
        } else if (d.driver().equals("manualroute")) {
            String hff = d.text("host_find_failed").orElse("freeze");
            if (!HOST_FIND_FAILED.contains(hff)) {
                throw ConfigurationException.forItem(item, "unrecognized setting for host_find_failed option");
            }
            String hai = d.text("host_all_ignored").orElse("defer");
            if (!HOST_FIND_FAILED.subList(1, HOST_FIND_FAILED.size()).contains(hai)) {
                throw ConfigurationException.forItem(item, "unrecognized setting for host_all_ignored option");
            }
            if (set(d, "route_list") == set(d, "route_data")) {
                throw ConfigurationException.forItem(item, "route_list or route_data (but not both) must be specified");
            }
        }
    }

    private static void checkTransport(DriverInstance d) throws ConfigurationException {
        String item = d.name() + " transport";
        if (d.driver().equals("appendfile")) {
            boolean file = set(d, "file");
            boolean directory = set(d, "directory");
            if (file && directory) {
                throw ConfigurationException.forItem(item, "only one of \"file\" or \"directory\" can be specified");
            }
            if (file && set(d, "quota_filecount")) {
                throw ConfigurationException.forItem(item, "quota_filecount must not be set without \"directory\"");
            }
            if (file && set(d, "quota_directory")) {
                throw ConfigurationException.forItem(item, "quota_directory must not be set without \"directory\"");
            }
            if (directory && isTrue(d, "maildir_format") && isTrue(d, "mailstore_format")) {
                throw ConfigurationException.forItem(item, "only one of maildir and mailstore may be specified");
            }
            userWithoutGroup(d);
            String create = d.text("create_file").orElse("");
            if (!create.isEmpty() && !create.equals("anywhere") && !create.startsWith("/")
                    && !create.equals("belowhome") && !create.equals("inhome")) {
                throw new ConfigurationException(null, "invalid value given for \"create_file\" for the " + d.name()
                        + " transport: '" + create + "'");
            }
        } else if (d.driver().equals("lmtp")) {
            if (set(d, "command") == set(d, "socket")) {
                throw new ConfigurationException(null, "one (and only one) of command or socket must be set for the "
                        + d.name() + " transport");
            }
            userWithoutGroup(d);
        } else if (d.driver().equals("autoreply")) {
            userWithoutGroup(d);
        } else if (d.driver().equals("smtp")) {
            for (String timeout : List.of("command_timeout", "data_timeout", "final_timeout")) {
                if (value(d, timeout) instanceof Number n && n.longValue() <= 0) {
                    throw new ConfigurationException(null, "command, data, or final timeout value is zero for "
                            + d.name() + " transport");
                }
            }
        } else if (d.driver().equals("pipe")) {
            if (isTrue(d, "pipe_as_creator") && (set(d, "user") || set(d, "group"))) {
                throw new ConfigurationException(null, "both pipe_as_creator and an explicit uid/gid are set for the "
                        + d.name() + " transport");
            }
            userWithoutGroup(d);
            String temp = d.text("temp_errors").orElse("*");
            if (!temp.equals("*") && !temp.chars().allMatch(c -> Ascii.isDigit(c) || c == ':' || c == ' ')) {
                throw new ConfigurationException(null, "temp_errors must be a list of numbers or an asterisk for the "
                        + d.name() + " transport");
            }
            if (isTrue(d, "return_output") && isTrue(d, "return_fail_output")) {
                throw new ConfigurationException(null, "both return_output and return_fail_output set for "
                        + d.name() + " transport");
            }
            if (isTrue(d, "log_output") && isTrue(d, "log_fail_output")) {
                throw new ConfigurationException(null, "both log_output and log_fail_output set for the "
                        + d.name() + " transport");
            }
            if (isTrue(d, "restrict_to_path") && isTrue(d, "use_shell")) {
                throw new ConfigurationException(null, "both restrict_to_path and use_shell set for " + d.name()
                        + " transport");
            }
            if (isTrue(d, "allow_commands") && isTrue(d, "use_shell")) {
                throw new ConfigurationException(null, "both allow_commands and use_shell set for " + d.name()
                        + " transport");
            }
        }
    }

    /** A numeric user gives no group; a named one brings its own. */
    private static void userWithoutGroup(DriverInstance d) throws ConfigurationException {
        String user = d.text("user").orElse(null);
        if (user != null && !user.contains("$") && !user.isEmpty() && user.chars().allMatch(Ascii::isDigit)
                && !set(d, "group")) {
            throw new ConfigurationException(null, "user set without group for the " + d.name() + " transport");
        }
    }

    /** Checks made once all routers are read (Exim's route_init()). */
    void checkRouters(List<DriverInstance> routers) throws ConfigurationException {
        for (int i = 0; i < routers.size(); i++) {
            DriverInstance r = routers.get(i);
            if (NEEDS_TRANSPORT.contains(r.driver()) && !set(r, "transport") && !isTrue(r, "verify_only")) {
                throw new ConfigurationException(null, r.name() + " router:\n  a transport is required for this router");
            }
            if (REFUSES_TRANSPORT.contains(r.driver()) && set(r, "transport")) {
                throw new ConfigurationException(null, r.name() + " router:\n  a transport must not be defined for this router");
            }
            String self = r.option("self").map(o -> (String) o.value()).orElse("freeze");
            if (!List.of("freeze", "defer", "send", "pass", "fail").contains(self) && !self.startsWith("reroute:")) {
                throw ConfigurationException.forItem(r.name() + " router", self + " is not valid for the self option");
            }
            for (String option : List.of("redirect_router", "pass_router")) {
                String target = r.text(option).orElse(null);
                if (target == null) {
                    continue;
                }
                int at = indexOf(routers, target);
                if (at < 0) {
                    throw new ConfigurationException(null, "new_router \"" + target + "\" not found for \"" + r.name()
                            + "\" router");
                }
                if (option.equals("pass_router") && at <= i) {
                    throw new ConfigurationException(null, "new_router \"" + target + "\" does not follow \""
                            + r.name() + "\" router");
                }
            }
        }
    }

    /** Checks made once all transports are read (Exim's transport_init()). */
    void checkTransports(List<DriverInstance> transports) throws ConfigurationException {
        for (DriverInstance t : transports) {
            if (!LOCAL_TRANSPORTS.contains(t.driver()) && set(t, "shadow_transport")) {
                throw new ConfigurationException(null, "shadow transport not allowed on non-local transport " + t.name());
            }
            if (isTrue(t, "body_only") && isTrue(t, "headers_only")) {
                throw new ConfigurationException(null, t.name()
                        + " transport: body_only and headers_only are mutually exclusive");
            }
        }
    }

    /** Checks made once all authenticators are read (Exim's auths_init()). */
    void checkAuthenticators(List<DriverInstance> auths) throws ConfigurationException {
        for (int i = 0; i < auths.size(); i++) {
            DriverInstance a = auths.get(i);
            String publicName = a.text("public_name").orElse(a.name());
            for (int j = i + 1; j < auths.size(); j++) {
                DriverInstance b = auths.get(j);
                if (!publicName.equalsIgnoreCase(b.text("public_name").orElse(b.name()))) {
                    continue;
                }
                boolean clients = isClient(a) && isClient(b);
                if (clients || isServer(a) && isServer(b)) {
                    throw new ConfigurationException(null, "two " + (clients ? "client" : "server")
                            + " authenticators (" + a.name() + " and " + b.name() + ") have the same public name ("
                            + publicName + ")");
                }
            }
        }
    }

    /** Whether an authenticator acts as a client, as its driver's init function decides. */
    private static boolean isClient(DriverInstance a) {
        return switch (a.driver()) {
            case "cram_md5" -> set(a, "client_secret");
            case "plaintext", "external" -> set(a, "client_send");
            case "spa" -> set(a, "client_username");
            case "gsasl" -> set(a, "client_username") && set(a, "client_password");
            case "tls" -> false;
            default -> false;
        };
    }

    /** Whether an authenticator acts as a server, as its driver's init function decides. */
    private static boolean isServer(DriverInstance a) {
        return switch (a.driver()) {
            case "cram_md5" -> set(a, "server_secret");
            case "plaintext", "external", "tls" -> set(a, "server_condition");
            case "dovecot" -> set(a, "server_socket");
            case "spa" -> set(a, "server_password");
            case "cyrus_sasl", "gsasl", "heimdal_gssapi" -> true;
            default -> false;
        };
    }

    private static int indexOf(List<DriverInstance> routers, String name) {
        for (int i = 0; i < routers.size(); i++) {
            if (routers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean set(DriverInstance d, String option) {
        return d.options().containsKey(option);
    }

    private static Object value(DriverInstance d, String option) {
        return d.option(option).map(o -> o.value()).orElse(null);
    }

    private static boolean isTrue(DriverInstance d, String option) {
        return Boolean.TRUE.equals(value(d, option));
    }
}
