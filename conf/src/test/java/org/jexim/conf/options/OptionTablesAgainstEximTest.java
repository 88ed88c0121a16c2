package org.jexim.conf.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jexim.conf.model.DriverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compares the option tables with what the real Exim 4.96 prints with -bP (skipped without exim4). */
class OptionTablesAgainstEximTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    /** Defaults that depend on this machine's name. */
    private static final Set<String> HOST_DEPENDENT = Set.of("primary_hostname", "qualify_domain", "qualify_recipient");
    /**
     * Options the scratch configure sets, and values the drivers' init functions derive from the
     * instance (public_name, server_mech, the mbox affixes of appendfile and pipe), which the
     * tables leave unset.
     */
    private static final Set<String> SET_BY_SCRATCH = Set.of("driver", "transport", "public_name", "data", "route_list",
            "command", "command_user", "file", "to", "port", "protocol", "hosts", "server_mech", "check_string",
            "escape_string", "message_prefix", "message_suffix");

    @TempDir
    Path dir;

    @Test
    void mainOptionsNamesOrderAndDefaults() throws Exception {
        List<String> lines = exim("primary_hostname = test.example\n", "-bP");
        List<String> expected = new ArrayList<>();
        for (OptionDef d : OptionTables.main().all()) {
            expected.add(d.name());
        }
        List<String> actual = new ArrayList<>();
        for (String line : lines) {
            String[] nv = nameValue(line);
            actual.add(nv[0]);
            if (!HOST_DEPENDENT.contains(nv[0])) {
                assertThat(nv[1]).as(nv[0]).isEqualTo(defaultOf(OptionTables.main().find(nv[0]).orElseThrow()));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void driverOptionsNamesOrderAndDefaults() throws Exception {
        String conf = """
                begin routers
                r_accept:
                  driver = accept
                  transport = t
                r_dnslookup:
                  driver = dnslookup
                  transport = t
                r_ipliteral:
                  driver = ipliteral
                  transport = t
                r_iplookup:
                  driver = iplookup
                  port = 53
                  protocol = udp
                  hosts = 127.0.0.1
                r_manualroute:
                  driver = manualroute
                  transport = t
                  route_list = * 127.0.0.1
                r_queryprogram:
                  driver = queryprogram
                  command = /bin/true
                  command_user = nobody
                r_redirect:
                  driver = redirect
                  data = x
                begin transports
                t_appendfile:
                  driver = appendfile
                  file = /tmp/x
                t_autoreply:
                  driver = autoreply
                  to = x@y
                t_lmtp:
                  driver = lmtp
                  command = /bin/true
                t_pipe:
                  driver = pipe
                t:
                  driver = smtp
                begin authenticators
                a_cram_md5:
                  driver = cram_md5
                  public_name = CRAM-MD5
                a_cyrus_sasl:
                  driver = cyrus_sasl
                  public_name = PLAIN
                a_dovecot:
                  driver = dovecot
                  public_name = X2
                a_external:
                  driver = external
                  public_name = EXTERNAL
                a_plaintext:
                  driver = plaintext
                  public_name = PLAIN
                a_spa:
                  driver = spa
                  public_name = NTLM
                a_tls:
                  driver = tls
                  public_name = TLS
                """;
        int compared = 0;
        for (DriverKind kind : DriverKind.values()) {
            String driver = null;
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (String line : exim(conf, "-bP", kind.section())) {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.endsWith(" " + kind.singular() + ":")) {
                    assertThat(actual).as(driver).isEqualTo(expected);
                    String instance = line.substring(0, line.indexOf(' '));
                    driver = instance.equals("t") ? "smtp" : instance.substring(2);
                    expected = names(kind, driver);
                    actual = new ArrayList<>();
                    continue;
                }
                String[] nv = nameValue(line);
                actual.add(nv[0]);
                OptionDef generic = OptionTables.generic(kind).find(nv[0]).orElse(null);
                OptionDef d = generic != null ? generic
                        : OptionTables.driver(kind, driver).orElseThrow().find(nv[0]).orElseThrow();
                if (!SET_BY_SCRATCH.contains(nv[0])) {
                    String dflt = generic != null ? OptionTables.genericDefault(kind, driver, generic) : d.defaultText();
                    assertThat(nv[1]).as(driver + " " + nv[0]).isEqualTo(defaultOf(d, dflt));
                    compared++;
                }
            }
            assertThat(actual).as(driver).isEqualTo(expected);
        }
        assertThat(compared).isGreaterThan(400);
    }

    private static List<String> names(DriverKind kind, String driver) {
        List<String> out = new ArrayList<>();
        OptionTables.generic(kind).all().forEach(d -> out.add(d.name()));
        OptionTables.driver(kind, driver).orElseThrow().all().forEach(d -> out.add(d.name()));
        return out;
    }

    private static String defaultOf(OptionDef d) {
        return defaultOf(d, d.defaultText());
    }

    private static String defaultOf(OptionDef d, String text) {
        return text == null ? "" : text;
    }

    /** "name = value", "name" or "no_name" as -bP prints them. */
    private static String[] nameValue(String line) {
        int eq = line.indexOf(" =");
        if (eq > 0) {
            String v = line.substring(eq + 2);
            return new String[] {line.substring(0, eq), v.startsWith(" ") ? v.substring(1) : v};
        }
        return line.startsWith("no_") ? new String[] {line.substring(3), "false"} : new String[] {line, "true"};
    }

    private List<String> exim(String conf, String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(EXIM), "no exim4 here");
        Path file = Files.writeString(dir.resolve("configure"), conf);
        List<String> cmd = new ArrayList<>(List.of(EXIM.toString(), "-C", file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }
}
