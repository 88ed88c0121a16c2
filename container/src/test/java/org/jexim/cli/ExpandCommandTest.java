package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpandCommandTest {
    @TempDir
    Path dir;

    private String run(String stdin, String... args) throws Exception {
        Path conf = dir.resolve("configure");
        Files.writeString(conf, "primary_hostname = mail.example.org\nMAC = macro-value\n"
                + "domainlist local_domains = @ : example.org\n");
        CommandLine line = Main.parse(concat(new String[] {"-C", conf.toString(), "-be"}, args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.out = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        line.err = new PrintStream(new ByteArrayOutputStream());
        line.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Main.run(line)).isZero();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void expandsArgumentsLikeEximBe() throws Exception {
        assertThat(run("", "${uc:$primary_hostname}", "${if match_domain{example.org}{+local_domains}{yes}{no}}",
                "${foo:x}", "MAC"))
                .isEqualTo("MAIL.EXAMPLE.ORG\nyes\nFailed: unknown expansion operator \"foo\"\nmacro-value\n");
    }

    @Test
    void readsStandardInputWithPromptAndContinuations() throws Exception {
        assertThat(run("${lc:ABC}\na\\\n   b\n")).isEqualTo("> abc\n> ab\n> \n");
    }
}
