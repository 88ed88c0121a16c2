package org.jexim.conf.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jexim.conf.reader.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot be translated is reported with its file and line, never dropped. */
class TranslatorProblemsTest {
    @TempDir
    Path dir;

    Translation translate(String configure) throws Exception {
        Path file = dir.resolve("configure");
        Files.writeString(file, configure);
        return Translator.translate(ConfigReader.read(file, Map.of()));
    }

    @Test
    void anExpansionSyntaxErrorIsReportedWithItsLine() throws Exception {
        Translation t = translate("""
                domainlist local_domains = localhost
                begin routers
                aliases:
                  driver = redirect
                  data = ${lookup{$local_part}lsearch{/etc/aliases}
                """);
        assertThat(t.complete()).isFalse();
        assertThat(t.problems()).hasSize(1);
        assertThat(t.problems().get(0).describe())
                .startsWith(dir.resolve("configure") + ":5: failed to expand aliases router option \"data\": ");
    }

    @Test
    void dynamicAclNamesAreReportedAndEveryAclStageRuns() throws Exception {
        Translation t = translate("""
                acl_smtp_mailauth = check_vrfy
                acl_smtp_starttls = check_vrfy
                acl_smtp_notquit = check_vrfy
                acl_smtp_rcpt = acl_$local_part
                acl_smtp_vrfy = check_vrfy
                begin acl
                check_vrfy:
                  accept
                """);
        assertThat(t.problems()).extracting(TranslationProblem::describe).containsExactlyInAnyOrder(
                dir.resolve("configure") + ":4: acl_smtp_rcpt: \"acl_$local_part\" is not an ACL of the acl section"
                        + " (ACL names built by expansion are not supported yet)");
    }

    @Test
    void inlineAclsAndUnimplementedDriversTranslate() throws Exception {
        Translation t = translate("""
                acl_smtp_rcpt = accept hosts = 127.0.0.1
                begin routers
                dnslookup:
                  driver = dnslookup
                  transport = remote_smtp
                begin transports
                remote_smtp:
                  driver = smtp
                """);
        assertThat(t.problems()).isEmpty();
        assertThat(t.files().get("smtpserver.xml")).contains("<acl>inline:acl_smtp_rcpt</acl>");
        assertThat(t.files().get("exim-acls.xml")).contains("<acl name=\"inline:acl_smtp_rcpt\">",
                "<condition name=\"hosts\">127.0.0.1</condition>");
        assertThat(t.files().get("mailetcontainer.xml")).contains("<driver>dnslookup</driver>",
                "<processor state=\"transport-remote_smtp\" enableJmx=\"false\">");
    }
}
