package org.jexim.conf.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.model.RewriteRule;
import org.jexim.conf.options.OptionTables;

/** Reads a whole Exim configure file into a {@link Configuration}. */
public final class ConfigReader {
    /** The section names, each with the "s" Exim adds before comparing (Exim's section_list). */
    private static final List<String> SECTIONS = List.of("acls", "authenticators", "local_scans", "retrys", "rewrites",
            "routers", "transports");

    private final MacroTable macros;
    private final LineReader lines;
    private final OptionAssigner assigner = new OptionAssigner();
    private final DriverChecks checks = new DriverChecks();

    private final Map<String, OptionSetting> main = new LinkedHashMap<>();
    private final Set<String> mainSeen = new HashSet<>();
    private final NamedListReader namedLists = new NamedListReader();
    private Map<String, Acl> acls = new LinkedHashMap<>();
    private List<DriverInstance> routers = List.of();
    private List<DriverInstance> transports = List.of();
    private List<DriverInstance> authenticators = List.of();
    private List<RetryRule> retryRules = List.of();
    private List<RewriteRule> rewriteRules = List.of();

    private ConfigReader(Path file, MacroTable macros) throws IOException {
        this.macros = macros;
        this.lines = new LineReader(file, macros);
    }

    /**
     * Reads {@code file}, with the macros given by -D on the command line overriding the
     * file's own definitions.
     */
    public static Configuration read(Path file, Map<String, String> commandLineMacros)
            throws ConfigurationException, IOException {
        checkReadable(file);
        ConfigReader reader = new ConfigReader(file, new MacroTable(PredefinedMacros.macros(), commandLineMacros));
        return reader.readAll(file);
    }

    private static void checkReadable(Path file) throws ConfigurationException {
        if (!Files.exists(file)) {
            throw ConfigurationException.plain("non-existent configuration file(s): " + file);
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw ConfigurationException.plain("Exim configuration file " + file + " has the wrong owner, group, or mode");
        }
    }

    /**
     * Reads {@code file} as {@link #read} does and returns the lines Exim saves for -bP config:
     * each logical line after macro expansion, with "# LINE "FILE"" position lines.
     */
    public static List<String> savedLines(Path file, Map<String, String> commandLineMacros)
            throws ConfigurationException, IOException {
        checkReadable(file);
        ConfigReader reader = new ConfigReader(file, new MacroTable(PredefinedMacros.macros(), commandLineMacros));
        List<String> saved = new ArrayList<>();
        reader.lines.saveLines(saved::add);
        reader.readAll(file);
        return saved;
    }

    private Configuration readAll(Path file) throws ConfigurationException {
        try {
            readMain();
        } catch (ConfigurationException e) {
            throw e.withLogStyle(new ConfigurationException.LogStyle(logTimezone(), false, false));
        }
        boolean millisec = false;
        boolean pid = false;
        try {
            MainChecks.check(main);
            String selector = main.containsKey("log_selector") ? main.get("log_selector").value().toString() : "";
            millisec = LogSelectors.selects(selector, "millisec");
            pid = LogSelectors.selects(selector, "pid");
            readSections();
        } catch (ConfigurationException e) {
            throw e.withLogStyle(new ConfigurationException.LogStyle(logTimezone(), millisec, pid));
        }
        return new Configuration(file, macros.userMacros(), main, namedLists.lists(), acls, routers, transports,
                authenticators, retryRules, rewriteRules);
    }

    private boolean logTimezone() {
        return main.containsKey("log_timezone") && Boolean.TRUE.equals(main.get("log_timezone").value());
    }

    private void readMain() throws ConfigurationException {
        LogicalLine line;
        while ((line = lines.next()) != null) {
            String s = line.text();
            if (line.last().line() == 1 && s.startsWith("\uFEFF")) {
                throw new ConfigurationException(line.last(), "found unexpected BOM (Byte Order Mark)");
            }
            if (Ascii.isUpper(s.charAt(0))) {
                macros.define(s, line.last());
                continue;
            }
            boolean hide = s.startsWith("hide") && Ascii.isSpace(Ascii.at(s, 4));
            String t = hide ? s.substring(5) : s;
            ListKind kind = NamedListReader.kindOf(t);
            if (kind != null) {
                namedLists.read(line, kind, t.substring(kind.keyword().length()), hide);
            } else {
                assigner.assign(line, OptionTables.main(), main, mainSeen, "main option \"%s\" unknown");
            }
        }
    }

    private void readSections() throws ConfigurationException {
        int had = 0;
        while (lines.nextSection() != null) {
            String name = lines.nextSection();
            String plural = name.toLowerCase(Locale.ROOT).endsWith("s") ? name : name + "s";
            int index = SECTIONS.indexOf(plural.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new ConfigurationException(lines.here(), "\"" + name + "\" is not a known configuration section name");
            }
            if ((had & 1 << index) != 0) {
                throw new ConfigurationException(lines.here(), "\"" + name + "\" section is repeated in the configuration file");
            }
            had |= 1 << index;
            switch (SECTIONS.get(index)) {
                case "acls" -> acls = new AclReader(lines, macros).read();
                case "authenticators" -> {
                    authenticators = drivers(DriverKind.AUTHENTICATOR);
                    checks.checkAuthenticators(authenticators);
                }
                case "local_scans" -> throw new ConfigurationException(lines.here(), "local_scan() options not supported: "
                        + "(LOCAL_SCAN_HAS_OPTIONS not defined in Local/Makefile)");
                case "retrys" -> retryRules = new RetryReader(lines).read();
                case "rewrites" -> rewriteRules = RewriteRules.readSection(lines);
                case "routers" -> {
                    routers = drivers(DriverKind.ROUTER);
                    checks.checkRouters(routers);
                }
                default -> {
                    transports = drivers(DriverKind.TRANSPORT);
                    checks.checkTransports(transports);
                }
            }
        }
    }

    private List<DriverInstance> drivers(DriverKind kind) throws ConfigurationException {
        return new ArrayList<>(new DriverSectionReader(kind, lines, macros, assigner, checks).read());
    }
}
