package org.jexim.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.jexim.address.AddressAttributes;
import org.jexim.runtime.JeximRuntime;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.Slf4jDeliveryLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Router mailet sends each recipient on by its own outcome, keeping its own state. */
class RouterMailetTest {
    @TempDir
    Path conf;

    JeximRuntime runtime() throws Exception {
        Files.writeString(conf.resolve("exim-main.xml"), "<main><option name=\"primary_hostname\">vm</option></main>");
        Files.writeString(conf.resolve("exim-lists.xml"),
                "<namedlists><domainlist name=\"local_domains\">@ : localhost</domainlist></namedlists>");
        return JeximRuntime.fromDirectory(conf);
    }

    Router router(FakeMailContext context, String name, String driver, String... options) throws Exception {
        DeliveryLog log = new Slf4jDeliveryLog();
        Router r = new Router(runtime(), log);
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("Router").mailetContext(context)
                .setProperty("name", name).setProperty("driver", driver);
        for (int i = 0; i < options.length; i += 2) {
            config.setProperty(options[i], options[i + 1]);
        }
        r.init(config.build());
        return r;
    }

    @Test
    void redirectedDeclinedAndDuplicateRecipientsEachGoTheirWay() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        Router aliases = router(context, "aliases", "redirect", "data", "jexim, jexim@vm", "local_parts", "postmaster");
        Mail mail = FakeMail.builder().name("m1").sender("a@b.example")
                .recipients("postmaster@localhost").state("routers").build();
        aliases.service(mail);
        assertThat(mail.getState()).isEqualTo("reroute");
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("jexim@vm"));
        assertThat(AddressAttributes.get(mail, new MailAddress("jexim@vm")).parent().orElseThrow().address())
                .isEqualTo("postmaster@localhost");
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void acceptedRecipientsLeaveForTheirTransportWhileDeclinedOnesStay() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        Router aliases = router(context, "aliases", "redirect", "data", "${if eq{$local_part}{postmaster}{jexim}{}}");
        Mail mail = FakeMail.builder().name("m2").sender("a@b.example")
                .recipients("postmaster@localhost", "other@localhost").state("routers").build();
        aliases.service(mail);
        assertThat(mail.getState()).isEqualTo("routers");
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("other@localhost"));
        List<FakeMailContext.SentMail> sent = context.getSentMails();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getState()).isEqualTo("reroute");
        assertThat(sent.get(0).getRecipients()).containsExactly(new MailAddress("jexim@vm"));

        Router local = router(context, "local_user", "accept", "transport", "local_maildir");
        local.service(mail);
        assertThat(mail.getState()).isEqualTo("transport-local_maildir");
        assertThat(AddressAttributes.get(mail, new MailAddress("other@localhost")).variables())
                .containsEntry("_router", "local_user");
    }

    @Test
    void unsupportedDriversDeferTheirAddresses() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        Router dns = router(context, "qp", "nosuchdriver", "transport", "remote_smtp");
        Mail mail = FakeMail.builder().name("m3").sender("a@b.example").recipients("x@remote.example").state("routers").build();
        dns.service(mail);
        assertThat(mail.getState()).isEqualTo("defer");
        assertThat(mail.getErrorMessage())
                .isEqualTo("x@remote.example: router qp: driver nosuchdriver is not implemented in jexim yet");
    }

    @Test
    void aPrefixIsRemovedBeforeLocalPartsAsInBt() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        Router owner = router(context, "owner", "accept", "local_part_prefix", "owner-", "local_parts", "alice",
                "transport", "t_$local_part_prefix$local_part");
        Mail mail = FakeMail.builder().name("m4").sender("a@b.example").recipients("owner-alice@vm")
                .state("routers").build();
        owner.service(mail);
        assertThat(mail.getState()).isEqualTo("transport-t_owner-alice");
        Mail other = FakeMail.builder().name("m5").sender("a@b.example").recipients("owner-bob@vm", "alice@vm")
                .state("routers").build();
        owner.service(other);
        assertThat(other.getState()).isEqualTo("routers");
    }

    @Test
    void passRouterSkipsTheRoutersBetween() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        Router passing = router(context, "qp", "queryprogram", "command", "/bin/echo PASS", "pass_router", "target");
        Router between = router(context, "between", "accept", "transport", "t_between");
        Router target = router(context, "target", "accept", "transport", "t_target");
        Mail mail = FakeMail.builder().name("m5").sender("a@b.example").recipients("x@vm").state("routers").build();
        passing.service(mail);
        assertThat(mail.getErrorMessage()).isNull();
        assertThat(mail.getState()).isEqualTo("routers");
        between.service(mail);
        assertThat(mail.getState()).isEqualTo("routers");
        target.service(mail);
        assertThat(mail.getState()).isEqualTo("transport-t_target");
    }

    @Test
    void unseenDeliversAndLeavesACopyForTheNextRouters() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        Router copier = router(context, "copier", "accept", "transport", "t_copy", "unseen", "true");
        Mail mail = FakeMail.builder().name("m6").sender("a@b.example").recipients("x@vm").state("routers").build();
        copier.service(mail);
        assertThat(mail.getState()).isEqualTo("routers");
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("x@vm"));
        assertThat(context.getSentMails()).hasSize(1);
        assertThat(context.getSentMails().get(0).getState()).isEqualTo("transport-t_copy");
    }

    @Test
    void aliasPipesGoToThePipeTransportWithTheirCommand() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        Router aliases = router(context, "aliases", "redirect", "data", "|/bin/cat", "pipe_transport", "address_pipe");
        Mail mail = FakeMail.builder().name("m7").sender("a@b.example").recipients("p@vm").state("routers").build();
        aliases.service(mail);
        assertThat(mail.getState()).isEqualTo("transport-address_pipe");
        MailAddress r = mail.getRecipients().iterator().next();
        assertThat(AddressAttributes.get(mail, r).variables()).containsEntry("address_pipe", "|/bin/cat");
    }
}
