package org.jexim.conf.expand.be;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.Variables;
import org.jexim.conf.lists.NamedLists;

/**
 * The context of {@code -be}: no message, no connection; variables have the values Exim gives
 * them in that mode (mostly empty), the configuration's named lists and main options.
 */
public final class BeContext implements ExpansionContext {
    private final Map<String, String> fixed = new HashMap<>();
    private final Map<String, Object> lookupCache = new HashMap<>();
    private String[] captures;
    private final NamedLists lists;
    private final Map<String, String> options;

    /** {@code options}: main options as written in the configure file (primary_hostname, qualify_domain...). */
    public BeContext(Path configFile, Map<String, String> options, NamedLists lists) {
        this.lists = lists;
        this.options = options;
        String host = options.getOrDefault("primary_hostname", defaultHostname());
        String qualify = options.getOrDefault("qualify_domain", host);
        fixed.put("primary_hostname", host);
        fixed.put("smtp_active_hostname", host);
        fixed.put("qualify_domain", qualify);
        fixed.put("qualify_recipient", options.getOrDefault("qualify_recipient", qualify));
        String user = System.getProperty("user.name", "root");
        fixed.put("sender_address", user + "@" + qualify);
        fixed.put("sender_address_domain", qualify);
        fixed.put("sender_address_local_part", user);
        fixed.put("authenticated_id", user);
        fixed.put("authenticated_sender", user + "@" + qualify);
        fixed.put("sender_ident", user);
        if (configFile != null) {
            Path abs = configFile.toAbsolutePath().normalize();
            fixed.put("config_file", abs.toString());
            fixed.put("config_dir", abs.getParent() == null ? "/" : abs.getParent().toString());
        }
        fixed.put("initial_cwd", Path.of("").toAbsolutePath().toString());
        fixed.put("pid", Long.toString(ProcessHandle.current().pid()));
        ids();
        if (options.containsKey("spool_directory")) {
            fixed.put("spool_directory", options.get("spool_directory"));
        }
    }

    /** caller_uid and friends from this process, exim_uid/exim_gid from the system's Exim user. */
    private void ids() {
        try {
            com.sun.security.auth.module.UnixSystem u = new com.sun.security.auth.module.UnixSystem();
            for (String v : new String[] {"caller_uid", "originator_uid"}) {
                fixed.put(v, Long.toString(u.getUid()));
            }
            for (String v : new String[] {"caller_gid", "originator_gid"}) {
                fixed.put(v, Long.toString(u.getGid()));
            }
        } catch (RuntimeException | LinkageError e) {
            // keep the defaults
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 3 && (f[0].equals("Debian-exim") || f[0].equals("exim"))) {
                    fixed.put("exim_uid", f[2]);
                    fixed.put("exim_gid", f[3]);
                    break;
                }
            }
        } catch (java.io.IOException e) {
            // keep the defaults
        }
    }

    private static String defaultHostname() {
        return org.jexim.conf.options.DefaultHostName.primaryHostName();
    }

    @Override
    public Optional<String> variable(String name) {
        String v = fixed.get(name);
        if (v != null) {
            return Optional.of(v);
        }
        if (name.startsWith("tod_")) {
            return Optional.ofNullable(timeOfDay(name));
        }
        if (Variables.known(name)) {
            return Optional.of(Variables.beDefault(name));
        }
        return Optional.empty();
    }

    @Override
    public void setVariable(String name, String value) {
        fixed.put(name, value == null ? "" : value);
    }

    @Override
    public String[] captures() {
        return captures;
    }

    @Override
    public void keepCaptures(String[] c) {
        captures = c;
    }

    @Override
    public java.util.Map<String, Object> lookupCache() {
        return lookupCache;
    }

    @Override
    public NamedLists namedLists() {
        return lists;
    }

    @Override
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** $tod_* now, as Exim formats them. */
    public static String timeOfDay(String name) {
        ZonedDateTime now = ZonedDateTime.now();
        String zone = now.format(DateTimeFormatter.ofPattern("xx", Locale.ROOT));
        return switch (name) {
            case "tod_epoch" -> Long.toString(now.toEpochSecond());
            case "tod_epoch_l" -> Long.toString(now.toInstant().toEpochMilli() * 1000 + (now.getNano() / 1000) % 1000);
            case "tod_full" -> now.format(DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss ", Locale.ROOT)) + zone;
            case "tod_log" -> now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT));
            case "tod_logfile" -> now.format(DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT));
            case "tod_zone" -> zone;
            case "tod_zulu" -> now.withZoneSameInstant(java.time.ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)) + "Z";
            case "tod_bsdinbox" -> now.format(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT));
            default -> null;
        };
    }
}
