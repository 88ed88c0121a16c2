package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logical lines kept for -bP config, as exim4 -bP config prints them for the same files. */
class ConfigLinesTest {
    @TempDir
    Path dir;

    @Test
    void keepsLogicalLinesWithFilePositionMarkers() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        files.write("sub/a.inc", "qualify_domain = from-sub\n.include ../leaf.inc\n");
        files.write("leaf.inc", "qualify_recipient = leaf\n");
        Path main = files.write("main.conf", """
                primary_hostname = a \\
                # a comment inside a continuation
                     b \\

                bounce_message_text = x # not a comment  \s
                .include "sub/a.inc"
                .include_if_exists /nonexistent/file
                .ifdef NOPE
                smtp_banner = one
                .else
                smtp_banner = three
                .endif
                message_id_header_text = \\
                  end
                """);
        assertThat(ConfigReader.savedLines(main, Map.of())).containsExactly(
                "# 1 \"" + dir + "/main.conf\"",
                "primary_hostname = a b",
                "bounce_message_text = x # not a comment",
                "# 6 \"" + dir + "/main.conf\"",
                "# 1 \"" + dir + "/sub/a.inc\"",
                "qualify_domain = from-sub",
                "# 2 \"" + dir + "/sub/a.inc\"",
                "# 1 \"" + dir + "/sub/../leaf.inc\"",
                "qualify_recipient = leaf",
                "# 2 \"" + dir + "/sub/a.inc\"",
                "# 6 \"" + dir + "/main.conf\"",
                "smtp_banner = three",
                "message_id_header_text = end");
    }
}
