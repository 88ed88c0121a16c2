package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintConfigTextTest {
    private static final List<String> SAVED = List.of("# Exim Configuration (4.96)", "# 1 \"/etc/jexim/configure\"",
            "MAC = 12", "hide tls_privatekey = /x", "hide split_spool_directory",
            "smtp_banner   =\t a   b  \"c   d\"", "begin acl", "acl_check_rcpt:", "accept hosts = :",
            "begin routers", "r1:", "driver = accept");

    private static String print(boolean admin, boolean terse) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintConfigText.print(SAVED, admin, terse, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void adminSeesEverythingIndentedBySection() {
        assertThat(print(true, false)).isEqualTo("""
                # Exim Configuration (4.96)
                # 1 "/etc/jexim/configure"
                MAC = 12
                hide tls_privatekey = /x
                hide split_spool_directory
                smtp_banner = a b "c d"

                begin acl

                  acl_check_rcpt:
                    accept hosts = :

                begin routers

                  r1:
                    driver = accept
                """);
    }

    @Test
    void othersSeeMacrosAndHiddenOptionsMasked() {
        assertThat(print(false, true)).isEqualTo("""
                # Exim Configuration (4.96)
                # 1 "/etc/jexim/configure"
                MAC = <value not displayable>
                hide tls_privatekey = <value not displayable>
                <value not displayable>
                smtp_banner = a b "c d"
                begin acl
                acl_check_rcpt:
                accept hosts = :
                begin routers
                r1:
                driver = accept
                """);
    }

    @Test
    void collapsingStopsWhereEximsShiftedPointerSeesAQuoteOrDollar() {
        assertThat(PrintConfigText.collapse("a  b")).isEqualTo("a b");
        assertThat(PrintConfigText.collapse("a \"x  y\"")).isEqualTo("a \"x  y\"");
        assertThat(PrintConfigText.collapse("a  $x  y")).isEqualTo("a $x y");
        assertThat(PrintConfigText.collapse("a  b $x  y")).isEqualTo("a b $x  y");
    }
}
