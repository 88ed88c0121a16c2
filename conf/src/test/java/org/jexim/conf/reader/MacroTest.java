package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexim.conf.reader.ConfigFiles.main;

import java.util.Map;
import org.jexim.conf.model.Configuration;
import org.junit.jupiter.api.Test;

/** Macro definition and substitution, checked against what exim4 -bP prints for the same file. */
class MacroTest extends ConfigFilesTestCase {
    @Test
    void aMacroDefinedFirstIsReplacedFirstSoALongerNameDefinedEarlierWins() throws Exception {
        Configuration c = files.read("ABC = y\nAB = x\nprimary_hostname = ABC-AB\n");
        assertThat(main(c, "primary_hostname")).isEqualTo("y-x");
        assertThat(c.macros()).containsExactly(Map.entry("ABC", "y"), Map.entry("AB", "x"));
    }

    @Test
    void macrosInAValueAreReplacedWhenItIsDefinedAndDoubleEqualsRedefines() throws Exception {
        Configuration c = files.read("A1 = foo\nB1 = A1bar\nA1 == baz\nqualify_domain = B1.A1\n");
        assertThat(main(c, "qualify_domain")).isEqualTo("foobar.baz");
    }

    @Test
    void aReplacementMayContainAMacroDefinedLater() throws Exception {
        assertThat(main(files.read("X = Y2\nY2 = z\nqualify_recipient = X\n"), "qualify_recipient")).isEqualTo("z");
    }

    @Test
    void predefinedMacrosAreReplacedOnlyWhenTheFirstCandidateOnTheLineIsOne() throws Exception {
        Configuration c = files.read("FOO = a\nmessage_id_header_domain = FOO _HAVE_TLS\n"
                + "message_id_header_text = x _HAVE_TLS FOO\n");
        assertThat(main(c, "message_id_header_domain")).isEqualTo("a _HAVE_TLS");
        assertThat(main(c, "message_id_header_text")).isEqualTo("x y a");
    }

    @Test
    void commandLineMacrosWinOverTheFilesDefinitionsEvenWithDoubleEquals() throws Exception {
        Configuration c = files.read("NAME = file\nNAME == again\nprimary_hostname = NAME\n", Map.of("NAME", "cli"));
        assertThat(main(c, "primary_hostname")).isEqualTo("cli");
        assertThat(c.macros()).containsEntry("NAME", "cli");
    }

    @Test
    void macrosAreReplacedInIncludeLines() throws Exception {
        files.write("sub/part.inc", "primary_hostname = included\n");
        Configuration c = files.read("DIR = sub\n.include DIR/part.inc\n");
        assertThat(main(c, "primary_hostname")).isEqualTo("included");
    }

    @Test
    void anEmptyMacroIsDefinedForIfdef() throws Exception {
        Configuration c = files.read("EMPTY =\n.ifdef EMPTY\nbounce_message_text = defined\n.endif\n");
        assertThat(main(c, "bounce_message_text")).isEqualTo("defined");
    }

    @Test
    void macrosMayBeDefinedBetweenDriversAndAcls() throws Exception {
        Configuration c = files.read("begin acl\nA1 = hosts\nacl1:\n  accept A1 = *\nA2 = deny\nacl2:\n  A2\n"
                + "begin routers\nT1 = t\nr1:\n  driver = accept\n  transport = T1\nD2 = redirect\nr2:\n  driver = D2\n"
                + "  data = x\n");
        assertThat(c.acls().get("acl1").statements().get(0).items().get(0).name()).isEqualTo("hosts");
        assertThat(c.acls().get("acl2").statements().get(0).verb().keyword()).isEqualTo("deny");
        assertThat(c.router("r1").orElseThrow().text("transport")).hasValue("t");
        assertThat(c.router("r2").orElseThrow().driver()).isEqualTo("redirect");
    }

    @Test
    void thePredefinedMacrosAreExactlyEximsNames() throws Exception {
        String exim = new String(MacroTest.class.getResourceAsStream("/reader/exim-4.96-macros.txt").readAllBytes());
        assertThat(PredefinedMacros.names()).containsExactlyInAnyOrder(exim.split("\n"));
        assertThat(PredefinedMacros.names()).contains("_OPT_MAIN_PRIMARY_HOSTNAME", "_OPT_ROUTERS_DOMAINS",
                "_OPT_ROUTER_REDIRECT_DATA", "_DRIVER_TRANSPORT_APPENDFILE", "_HAVE_TLS");
    }
}
