package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexim.conf.reader.ConfigFiles.main;

import java.nio.file.Path;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Comments, white space, continuation lines, conditionals and included files; the expected
 * values are what exim4 -bP prints for the same files.
 */
class LineReaderTest extends ConfigFilesTestCase {
    @Test
    void continuationDropsLeadingWhiteSpaceSkipsCommentsAndEndsAtABlankLine() throws Exception {
        Configuration c = files.read("primary_hostname = a \\\n# a comment inside\n     b \\\n\n"
                + "qualify_domain = \\\n  end\n");
        assertThat(main(c, "primary_hostname")).isEqualTo("a b");
        assertThat(main(c, "qualify_domain")).isEqualTo("end");
    }

    @Test
    void aHashIsACommentOnlyAtTheStartOfALineAndTrailingWhiteSpaceIsDropped() throws Exception {
        Configuration c = files.read("   # indented comment\n\n\t\nbounce_message_text = x # not a comment   \n");
        assertThat(main(c, "bounce_message_text")).isEqualTo("x # not a comment");
    }

    @Test
    void optionsRememberTheLineTheyStartOn() throws Exception {
        Configuration c = files.read("# one\n\nprimary_hostname = a \\\n  b\n");
        assertThat(c.mainOption("primary_hostname").orElseThrow().location())
                .isEqualTo(new SourceLocation(dir.resolve("configure"), 3));
    }

    @Test
    void includedFilesAreRelativeToTheFileThatIncludesThem() throws Exception {
        files.write("sub/a.inc", "qualify_domain = from-sub\n.include ../leaf.inc\n");
        files.write("leaf.inc", "qualify_recipient = leaf\n");
        Configuration c = files.read(".include \"sub/a.inc\"\n.include_if_exists /nonexistent/file\n");
        assertThat(main(c, "qualify_domain")).isEqualTo("from-sub");
        assertThat(main(c, "qualify_recipient")).isEqualTo("leaf");
        assertThat(c.mainOption("qualify_recipient").orElseThrow().location())
                .isEqualTo(new SourceLocation(Path.of(dir + "/sub/../leaf.inc"), 1));
    }

    @Test
    void includeIfExistsReadsAFileThatExists() throws Exception {
        Path inc = files.write("present.inc", "qualify_domain = present\n");
        assertThat(main(files.read(".include_if_exists " + inc + "\n"), "qualify_domain")).isEqualTo("present");
    }

    @Test
    void conditionalsNestAndChooseTheFirstTrueBranch() throws Exception {
        Configuration c = files.read(".ifdef NOPE\nsmtp_banner = one\n.elifdef ALSO_NOPE\nsmtp_banner = two\n"
                + ".elifndef NOPE2\n.ifdef NESTED_NOPE\nsmtp_banner = nested\n.else\nsmtp_banner = three\n.endif\n"
                + ".else\nsmtp_banner = four\n.endif\n");
        assertThat(main(c, "smtp_banner")).isEqualTo("three");
    }

    @Test
    void aDirectiveFollowedByAnythingButASpaceIsIgnored() throws Exception {
        Configuration c = files.read(".ifdefX garbage\n.elsewhere\nsmtp_banner = kept\n");
        assertThat(main(c, "smtp_banner")).isEqualTo("kept");
    }

    @Test
    void conditionalsTestPredefinedMacros() throws Exception {
        Configuration c = files.read(".ifdef _HAVE_TLS\nsmtp_banner = tls\n.endif\n"
                + ".ifdef _DRIVER_ROUTER_ACCEPT\nqualify_domain = accept\n.endif\n");
        assertThat(main(c, "smtp_banner")).isEqualTo("tls");
        assertThat(main(c, "qualify_domain")).isEqualTo("accept");
    }

    @Test
    void sectionNamesMayBeSingularAndInAnyCase() throws Exception {
        Configuration c = files.read("BEGIN Router\nr1:\n  driver = redirect\n  data = x\n");
        assertThat(c.routers()).hasSize(1);
    }
}
