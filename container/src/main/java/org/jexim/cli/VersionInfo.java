package org.jexim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The version block of -bV, in Exim's layout: jexim's own version and build time on the first
 * line, then what this build supports. The lists name what jexim implements; they grow as the
 * engines do.
 */
final class VersionInfo {
    static final String EXIM_VERSION = "4.96";
    static final List<String> SUPPORT = List.of("IPv6");
    static final List<String> LOOKUPS = List.of("lsearch", "wildlsearch", "nwildlsearch", "iplsearch", "cdb", "dbm",
            "dbmjz", "dbmnz", "dnsdb", "dsearch", "json", "mysql", "passwd", "pgsql", "sqlite");
    static final List<String> AUTHENTICATORS = List.of();
    static final List<String> ROUTERS = List.of("accept", "dnslookup", "ipliteral", "manualroute", "redirect");
    static final List<String> TRANSPORTS = List.of("appendfile/maildir", "pipe", "smtp");

    private static final DateTimeFormatter BUILT =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private VersionInfo() {
    }

    static void print(PrintStream out) {
        out.println("jexim version " + version() + " #1 built " + BUILT.format(builtAt()));
        out.println("Exim " + EXIM_VERSION + " compatible: Exim's configure file and command line on Apache James 3.8.1");
        out.println("Support for: " + String.join(" ", SUPPORT));
        out.println("Lookups (built-in): " + String.join(" ", LOOKUPS));
        out.println("Authenticators:" + (AUTHENTICATORS.isEmpty() ? "" : " " + String.join(" ", AUTHENTICATORS)));
        out.println("Routers: " + String.join(" ", ROUTERS));
        out.println("Transports: " + String.join(" ", TRANSPORTS));
        out.println("Fixed never_users: 0");
        out.println("Configure owner: 0:0");
        out.println("Size of off_t: 8");
    }

    /** The version Maven recorded in the jar, or "development" when run from classes. */
    static String version() {
        try (InputStream in = VersionInfo.class.getResourceAsStream(
                "/META-INF/maven/org.jexim/jexim-container/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "development");
            }
        } catch (IOException e) {
            // fall through
        }
        return "development";
    }

    /** When the code in use was built: the time of its jar or class file. */
    private static Instant builtAt() {
        try {
            Path code = Path.of(VersionInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.getLastModifiedTime(code).toInstant();
        } catch (Exception e) {
            return Instant.now();
        }
    }
}
