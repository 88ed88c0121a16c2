package org.jexim.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jexim.acl.AclResult;
import org.jexim.acl.AclVerdict;
import org.jexim.acl.ReceivedMessage;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.TranslatedConfiguration;
import org.jexim.conf.translate.Translator;
import org.jexim.runtime.JeximRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acl_not_smtp_start and acl_not_smtp for a local submission: verdicts, messages, added headers. */
class LocalSubmissionAclsTest {
    @TempDir
    Path dir;

    @Test
    void theNonSmtpAclsDecideAndAddHeaders() throws Exception {
        Path conf = dir.resolve("configure");
        Files.writeString(conf, """
                primary_hostname = local.example
                acl_not_smtp_start = start
                acl_not_smtp = check
                begin acl
                start:
                  deny    senders = blocked@local.example
                          message = $sender_ident may not send as $sender_address
                  accept
                check:
                  deny    condition = ${if eq{$h_subject:}{spam}}
                          message = no spam, $recipients_count recipients
                  warn    add_header = X-Local: $sender_ident
                  accept
                """);
        Path out = Files.createDirectories(dir.resolve("t"));
        Translator.translate(ConfigReader.read(conf, Map.of())).writeTo(out);
        JeximRuntime runtime = new JeximRuntime(TranslatedConfiguration.load(out));

        LocalSubmissionAcls refused = new LocalSubmissionAcls(runtime, "joe");
        AclResult start = refused.start("blocked@local.example");
        assertThat(start.verdict()).isEqualTo(AclVerdict.DENY);
        assertThat(start.message()).contains("joe may not send as blocked@local.example");

        LocalSubmissionAcls acls = new LocalSubmissionAcls(runtime, "ann");
        assertThat(acls.start("ann@local.example").verdict()).isEqualTo(AclVerdict.ACCEPT);
        AclResult spam = acls.check("ann@local.example", List.of("a@x.example", "b@x.example"),
                ReceivedMessage.ofLines(List.of("Subject: spam", "", "body")));
        assertThat(spam.verdict()).isEqualTo(AclVerdict.DENY);
        assertThat(spam.message()).contains("no spam, 2 recipients");
        AclResult ham = acls.check("ann@local.example", List.of("a@x.example"),
                ReceivedMessage.ofLines(List.of("Subject: hello", "", "body")));
        assertThat(ham.verdict()).isEqualTo(AclVerdict.ACCEPT);
        assertThat(acls.effects().addedHeaders()).extracting(h -> h.text()).containsExactly("X-Local: ann\n");
    }
}
