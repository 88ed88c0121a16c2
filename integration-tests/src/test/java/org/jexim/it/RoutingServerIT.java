package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Routing in the running server (./jexim -bd, messages sent with swaks), each address
 * delivered where ./jexim -bt says: dnslookup asks the DNS server of the configure's
 * JEXIM_DNS_SERVERS (a real DNS server on loopback, started by the test, serving a zone the
 * test writes; the system resolver knows nothing of it); "|command" and "/file" items of an
 * alias go to pipe_transport and file_transport; an unseen router delivers and the address
 * goes on to the next router; the rewrite section rewrites envelope and headers on arrival.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingServerIT {
    Path dir;
    Path configure;
    LoopbackDnsServer dns;
    int port;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("jexim-routing-it");
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        dns = new LoopbackDnsServer("dnstest.example.", "$TTL 300\n"
                + "@ IN SOA ns.dnstest.example. hostmaster.dnstest.example. 1 3600 600 86400 300\n"
                + "@ IN NS ns\nns IN A 192.0.2.53\n@ IN MX 10 mx1\nmx1 IN A 192.0.2.25\n", dir);
        Files.writeString(dir.resolve("aliases"), "piper: |/bin/cp /dev/stdin " + dir.resolve("mail/piped") + "\n"
                + "filer: " + dir.resolve("mail/filed") + "\n"
                + "both: " + dir.resolve("mail/both-file") + ", someone\n");
        configure = Path.of(getClass().getResource("/routing/configure").toURI());
        port = Jexim.freePort();
        Jexim.Result j = Jexim.jexim("-C", configure.toString(), "-DDIR=" + dir, "-DPORT=" + port,
                "-DJEXIM_DNS_SERVERS=" + dns.servers(), "-bd");
        assertThat(j.status()).as(j.output()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        if (dir != null) {
            Jexim.stop(dir.resolve("spool"));
        }
        if (dns != null) {
            dns.close();
        }
    }

    private String bt(String address) throws Exception {
        return Jexim.jexim("-C", configure.toString(), "-DDIR=" + dir, "-DPORT=" + port, "-DJEXIM_DNS_SERVERS=" + dns.servers(),
                "-bt", address).output();
    }

    private void send(String from, String to, String... headers) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("swaks", "--server", "127.0.0.1:" + port,
                "--helo", "client.example", "--from", from, "--to", to));
        for (String h : headers) {
            cmd.addAll(List.of("--header", h));
        }
        Jexim.Result s = Jexim.run(cmd);
        assertThat(s.output()).as(s.output()).contains("<-  250 ");
    }

    private String waitFor(String name) throws Exception {
        Path file = dir.resolve("mail").resolve(name);
        for (int i = 0; i < 300 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(200); // let the writer finish
        assertThat(file).as("delivered to " + name + "; mainlog:\n" + mainlog()).exists();
        return Files.readString(file);
    }

    private String mainlog() throws Exception {
        Path log = dir.resolve("log/mainlog");
        return Files.exists(log) ? Files.readString(log) : "(no mainlog)";
    }

    @Test
    void dnslookupUsesTheConfiguredDnsServer() throws Exception {
        assertThat(bt("user@dnstest.example")).isEqualTo("user@dnstest.example\n"
                + "  router = dns, transport = dns_file\n  host mx1.dnstest.example [192.0.2.25] MX=10\n");
        send("a@client.example", "user@dnstest.example");
        assertThat(waitFor("dns-dnstest.example")).contains("To: user@dnstest.example");
    }

    @Test
    void aliasPipeGoesToThePipeTransport() throws Exception {
        assertThat(bt("piper@routing.example")).contains("transport = address_pipe");
        send("a@client.example", "piper@routing.example", "Subject: piped");
        assertThat(waitFor("piped")).contains("Subject: piped");
        // logged as Exim logs a pipe from an alias
        assertThat(mainlog()).contains(" => |/bin/cp /dev/stdin " + dir.resolve("mail/piped")
                + " <piper@routing.example> R=aliases T=address_pipe\n");
    }

    @Test
    void aliasFileGoesToTheFileTransport() throws Exception {
        assertThat(bt("filer@routing.example")).contains("transport = address_file");
        send("a@client.example", "filer@routing.example", "Subject: filed");
        assertThat(waitFor("filed")).startsWith("From a@client.example ").contains("Subject: filed");
    }

    @Test
    void aFileAndAnAddressFromOneAlias() throws Exception {
        send("a@client.example", "both@routing.example", "Subject: both");
        assertThat(waitFor("both-file")).contains("Subject: both");
        assertThat(waitFor("local-someone")).contains("Subject: both");
    }

    @Test
    void unseenRouterDeliversAndTheAddressGoesOn() throws Exception {
        // as exim -bt shows an unseen router: the copy and the original, each under its parent
        assertThat(bt("copied@routing.example")).isEqualTo("copied@routing.example\n"
                + "    <-- copied@routing.example\n  router = local, transport = local_file\n"
                + "copied@routing.example\n    <-- copied@routing.example\n  router = copier, transport = copy_file\n");
        send("a@client.example", "copied@routing.example", "Subject: unseen");
        assertThat(waitFor("copy-copied")).contains("Subject: unseen");
        assertThat(waitFor("local-copied")).contains("Subject: unseen");
    }

    @Test
    void routerHeadersAddAndRemoveReachTheMailbox() throws Exception {
        send("a@client.example", "hdr@routing.example", "Subject: to be removed");
        String mbox = waitFor("local-hdr");
        assertThat(mbox).contains("\nX-Router: added for hdr\n").doesNotContain("Subject: to be removed");
    }

    @Test
    void errorsToReceivesTheBounce() throws Exception {
        send("a@client.example", "failer@routing.example", "Subject: will fail");
        assertThat(waitFor("local-errs")).contains("failer@routing.example", "gone away");
        assertThat(dir.resolve("mail/local-a")).doesNotExist();
    }

    @Test
    void rewriteRulesApplyToEnvelopeAndHeadersOnArrival() throws Exception {
        assertThat(bt("x@old.routing.example")).startsWith("Address rewritten as: x@routing.example\n");
        send("s@old.routing.example", "rw@old.routing.example", "To: Someone <rw@old.routing.example>",
                "From: s@old.routing.example");
        String mbox = waitFor("local-rw");
        assertThat(mbox).startsWith("From s@routing.example ")
                .contains("\nTo: Someone <rw@routing.example>\n", "\nFrom: s@routing.example\n");
    }

    @Test
    void recipientsOnDifferentRoutesStayOneMessageWithOneId() throws Exception {
        send("a@client.example", "one@routing.example,dfr@routing.example", "Subject: split");
        waitFor("local-one");
        String log = "";
        String id = null;
        for (int i = 0; i < 100; i++) {
            log = mainlog();
            var m = java.util.regex.Pattern.compile("(\\S{6}-\\S{6}-\\S{2}) == dfr@routing.example").matcher(log);
            if (m.find()) {
                id = m.group(1);
                break;
            }
            Thread.sleep(100);
        }
        assertThat(id).as(log).isNotNull();
        // as exim4 -odi logs the same message (checked side by side): one id for every line
        assertThat(log).contains(id + " == dfr@routing.example R=deferring defer (-1): try later\n",
                id + " => one <one@routing.example> R=local T=local_file\n");
        assertThat(log).doesNotContain(id + " Completed");
        String queue = "";
        for (int i = 0; i < 100 && !queue.contains(" D one@"); i++) {
            Thread.sleep(100);
            queue = Jexim.jexim("-C", configure.toString(), "-DDIR=" + dir, "-DPORT=" + port, "-bp").output();
        }
        assertThat(queue).contains(id + " <a@client.example>\n        D one@routing.example\n          dfr@routing.example\n");
        assertThat(queue.lines().filter(l -> l.contains("<a@client.example>")).count()).as(queue).isEqualTo(1);
        String msglog = Jexim.jexim("-C", configure.toString(), "-DDIR=" + dir, "-DPORT=" + port, "-Mvl", id).output();
        assertThat(msglog).contains(" dfr@routing.example R=deferring defer (-1): try later\n");
    }

    @Test
    void sRulesRewriteRcptBeforeTheAclAndTheReceivedHeaderShowsTheNewAddress() throws Exception {
        // as exim4 -bs shows for the same rule: the ACL and the Received: header's "for" see the new address
        send("a@client.example", "sto@smtp-old.routing.example", "Subject: smtp time");
        String mbox = waitFor("local-sto");
        assertThat(mbox).contains("\n\tfor sto@routing.example;\n").contains("Subject: smtp time");
    }

    @Test
    void aFileFromARouterWithAUserBelongsToThatUser() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can give the file to another user");
        // exim4 delivers a redirect router's file as the router's user when the transport sets none
        send("a@client.example", "owned@routing.example", "Subject: owned");
        assertThat(waitFor("owned")).contains("Subject: owned");
        assertThat(Files.getOwner(dir.resolve("mail/owned")).getName()).isEqualTo("nobody");
    }
}
