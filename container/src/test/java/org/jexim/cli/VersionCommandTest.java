package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./jexim -bV: the version block, then the configure check with Exim's messages and exit status. */
class VersionCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        CommandLine line = Main.parse(args);
        line.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        line.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(line);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheVersionBlockAndNamesAGoodConfigureFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("configure"), "primary_hostname = a.example\n");
        assertThat(run("-C", conf.toString(), "-bV")).isZero();
        String[] lines = out().split("\n");
        assertThat(lines[0]).matches("jexim version \\S+ #1 built \\d\\d-[A-Z][a-z]{2}-\\d{4} \\d\\d:\\d\\d:\\d\\d");
        assertThat(out()).contains("\nRouters: accept dnslookup ipliteral manualroute redirect\n",
                        "\nLookups (built-in): lsearch wildlsearch nwildlsearch iplsearch cdb dbm dbmjz dbmnz dnsdb dsearch json mysql passwd pgsql sqlite\n")
                .endsWith("Size of off_t: 8\nConfiguration file is " + conf + "\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void reportsAConfigurationErrorAsEximDoesAndFails() throws Exception {
        Path conf = Files.writeString(dir.resolve("configure"), "primary_hostname = a\nfrobnicate = yes\n");
        assertThat(run("-C", conf.toString(), "-bV")).isEqualTo(1);
        assertThat(err()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d Exim configuration error in line 2 of "
                + conf + ":\n  main option \"frobnicate\" unknown\n");
        assertThat(out()).doesNotContain("Configuration file is");
    }

    @Test
    void theErrorLinePrefixFollowsLogTimezoneAndTheLogSelector() throws Exception {
        Path conf = Files.writeString(dir.resolve("configure"),
                "log_timezone\nlog_selector = +pid +millisec\nbegin routers\nr1:\n  nosuch = 1\n");
        assertThat(run("-C", conf.toString(), "-bV")).isEqualTo(1);
        assertThat(err()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [+-]\\d{4} \\["
                + ProcessHandle.current().pid() + "\\] Exim configuration error in line 5 of " + conf
                + ":\n  option \"nosuch\" unknown \\(\"driver\" must be specified before any private options\\)\n");
    }

    @Test
    void commandLineMacrosOverrideTheFilesDefinitions() throws Exception {
        Path conf = Files.writeString(dir.resolve("configure"), "OPT = primary_hostname\nhide OPT = x\n");
        assertThat(run("-C", conf.toString(), "-D", "OPT = qualify_domain", "-bV")).isZero();
        assertThat(run("-C", conf.toString(), "-DOPT=nosuch", "-bV")).isEqualTo(1);
        assertThat(err()).contains("main option \"nosuch\" unknown");
    }

    @Test
    void refusesAMacroNameNotStartingWithAnUpperCaseLetter() throws Exception {
        Path conf = Files.writeString(dir.resolve("configure"), "");
        assertThat(run("-C", conf.toString(), "-Dfoo=1", "-bV")).isEqualTo(1);
        assertThat(err()).isEqualTo("exim: macro name set by -D must start with an upper case letter\n");
    }

    @Test
    void saysWhenTheConfigureFileDoesNotExist() throws Exception {
        assertThat(run("-C", dir.resolve("nosuch").toString(), "-bV")).isEqualTo(1);
        assertThat(err()).endsWith(" non-existent configuration file(s): " + dir.resolve("nosuch") + "\n");
    }
}
