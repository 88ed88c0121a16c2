package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.translate.TranslatedDriver;
import org.jexim.retry.HostRetryHints;
import org.jexim.routing.RouteHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The smtp transport delivering to Exim 4.96 as the remote MTA on loopback (needs exim4, openssl
 * and root): the remote's port {@code port} offers STARTTLS with a certificate this test makes,
 * CHUNKING and AUTH (PLAIN and CRAM-MD5, checked by Exim's server authenticators), and asks for
 * client certificates; {@code clearPort} offers no TLS. The expected texts are Exim's own, as an
 * exim4 client with the same options writes them in its log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpTransportAgainstEximTest extends TransportFixtures {
    static final List<RetryRule> RULES = List.of(new RetryRule("*", "*", null,
            List.of(new RetryRule.Parameters('F', 7200, 900, 0)), null));
    Path dir;
    int port;
    int clearPort;
    int dsnPort;
    Process exim;

    @BeforeAll
    void startExim() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")) && "root".equals(System.getProperty("user.name")));
        dir = Files.createTempDirectory("smtp-remote");
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem",
                "-days", "2", "-subj", "/CN=remote.example", "-addext", "subjectAltName=DNS:remote.example");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/client.key", "-out",
                dir + "/client.pem", "-days", "2", "-subj", "/CN=client.example");
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", dir + "/dkim.key");
        run("chown", "-R", "Debian-exim", dir.toString());
        run("chmod", "755", dir.toString());
        port = freePort();
        clearPort = freePort();
        dsnPort = freePort();
        Path conf = Path.of(getClass().getResource("/smtp/remote.conf").toURI());
        exim = new ProcessBuilder("/usr/sbin/exim4", "-C", conf.toString(), "-DDIR=" + dir, "-DPORT=" + port,
                "-DNOTLS=" + clearPort, "-DHOLDING=" + dsnPort, "-bdf").redirectErrorStream(true).redirectOutput(dir.resolve("console").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    void stopExim() {
        if (exim != null) {
            exim.destroy();
        }
    }

    private static void run(String... command) throws Exception {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Delivery to(String address, List<RouteHost> hosts) {
        AddressItem a = AddressItem.of(address).with(HostsVariable.NAME, HostsVariable.encode(hosts));
        return new Delivery(MESSAGE, "a@b.example", a, new RoutingContext(LISTS, "mail.example.org", Map.of()));
    }

    List<RouteHost> remote() {
        return List.of(new RouteHost("127.0.0.1", "127.0.0.1", -1, port));
    }

    Transport smtp(Map<String, String> options) {
        return smtp(options, List.of(), new HostRetryHints(null));
    }

    Transport smtp(Map<String, String> options, List<TranslatedDriver> authenticators, HostRetryHints hints) {
        return TransportFactory.create("remote_smtp", "smtp", options,
                new TransportServices(authenticators, hints, Clock.systemUTC()), RULES);
    }

    /** The remote's mainlog line of the message whose id the confirmation gave ({@code <=} line). */
    String arrival(DeliveryResult r) throws Exception {
        String id = r.connection().confirmation().replaceAll("(?s).*id=(\\S+).*", "$1");
        for (int i = 0; i < 50; i++) {
            for (String l : Files.readAllLines(dir.resolve("log/mainlog"), StandardCharsets.ISO_8859_1)) {
                if (l.contains(id + " <= ")) {
                    return l;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no arrival of " + id);
    }

    /** The last message in the remote's mailbox whose Received: header names the id. */
    String delivered(DeliveryResult r) throws Exception {
        String id = r.connection().confirmation().replaceAll("(?s).*id=(\\S+).*", "$1");
        for (int i = 0; i < 50; i++) {
            Path box = dir.resolve("mail/box");
            if (Files.exists(box)) {
                for (String m : Files.readString(box, StandardCharsets.ISO_8859_1).split("\n(?=From a@b.example )")) {
                    if (m.contains("\tid " + id + "\n")) {
                        return m;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message " + id);
    }

    @Test
    void acceptedMessagesArriveDotStuffedIntactOverOpportunisticTlsAndBdat() throws Exception {
        DeliveryResult r = smtp(Map.of()).deliver(to("ok@remote.example", remote()));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(r.connection().tls()).matches("X=TLS1\\.3:TLS_AES_(256_GCM_SHA384:256|128_GCM_SHA256:128) CV=no");
        assertThat(r.connection().chunking()).isTrue();
        assertThat(r.connection().confirmation()).matches("250- [0-9]+ byte chunk, total [0-9]+\\\\n250 OK id=\\S+");
        assertThat(r.connection().deliveredFields()).startsWith("127.0.0.1 [127.0.0.1] X=TLS1.3:").endsWith(" CV=no K");
        String m = delivered(r);
        assertThat(m).startsWith("From a@b.example ").contains("\tby remote.example with esmtps  (TLS1.3) tls ",
                "(envelope-from <a@b.example>)", "\nSubject: hi\n", "\n\n>From me\n.dot\nbody\n");
        assertThat(arrival(r)).contains("<= a@b.example H=(mail.example.org) [127.0.0.1] P=esmtps X=TLS1.3:", " K S=");
    }

    @Test
    void a5xxReplyFailsA4xxReplyDefersWithEximsTexts() {
        Transport t = smtp(Map.of());
        DeliveryResult bad = t.deliver(to("bad@remote.example", remote()));
        assertThat(bad.kind()).isEqualTo(DeliveryResult.Kind.FAIL);
        assertThat(bad.message()).isEqualTo(
                "SMTP error from remote mail server after RCPT TO:<bad@remote.example>: 550 no such user here");
        assertThat(bad.userMessage()).isEqualTo("host 127.0.0.1 [127.0.0.1]\n"
                + "SMTP error from remote mail server after RCPT TO:<bad@remote.example>:\n550 no such user here");
        assertThat(bad.connection().hostField()).startsWith("127.0.0.1 [127.0.0.1] X=TLS1.3:");
        DeliveryResult later = t.deliver(to("later@remote.example", remote()));
        assertThat(later.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(later.errno()).isEqualTo(-44);
        assertThat(later.message()).isEqualTo(
                "SMTP error from remote mail server after RCPT TO:<later@remote.example>: 451 try again later");
    }

    @Test
    void addressesForTheSameHostsShareOneTransactionUpToMaxRcpt() throws Exception {
        List<Delivery> three = List.of(to("one@remote.example", remote()), to("bad@remote.example", remote()),
                to("two@remote.example", remote()));
        List<DeliveryResult> rs = smtp(Map.of()).deliverAll(three);
        assertThat(rs).extracting(DeliveryResult::kind).containsExactly(DeliveryResult.Kind.OK, DeliveryResult.Kind.FAIL,
                DeliveryResult.Kind.OK);
        assertThat(rs.get(0).additional()).isFalse();
        assertThat(rs.get(2).additional()).isTrue();
        assertThat(rs.get(2).connection().confirmation()).isEqualTo(rs.get(0).connection().confirmation());
        assertThat(arrival(rs.get(0))).endsWith(" for one@remote.example two@remote.example");
        List<DeliveryResult> split = smtp(Map.of("max_rcpt", "1")).deliverAll(List.of(three.get(0), three.get(2)));
        assertThat(split.get(1).connection().confirmation()).isNotEqualTo(split.get(0).connection().confirmation());
        assertThat(arrival(split.get(0))).endsWith(" for one@remote.example");
        assertThat(arrival(split.get(1))).endsWith(" for two@remote.example");
    }

    @Test
    void aHostThatIsDownPassesToTheNextOneAndIsSkippedUntilItsRetryTime() throws Exception {
        int closed = freePort();
        Path hintsFile = Files.createTempDirectory("hints").resolve("db/jexim-retry");
        HostRetryHints hints = new HostRetryHints(hintsFile);
        Transport t = smtp(Map.of(), List.of(), hints);
        DeliveryResult r = t.deliver(to("ok@remote.example", List.of(new RouteHost("down", "127.0.0.1", -1, closed),
                new RouteHost("up", "127.0.0.1", -1, port))));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(r.connection().hostName()).isEqualTo("up");
        assertThat(Files.readString(hintsFile)).startsWith("T:down:127.0.0.1:" + closed + " 111 ").endsWith(" Connection refused\n");
        HostRetryHints.Hint hint = hints.get("T:down:127.0.0.1:" + closed).orElseThrow();
        assertThat(hint.nextTry().getEpochSecond() - hint.lastTry().getEpochSecond()).isEqualTo(900); // F,2h,15m
        DeliveryResult skipped = t.deliver(to("ok@remote.example", List.of(new RouteHost("down", "127.0.0.1", -1, closed))));
        assertThat(skipped.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(skipped.errno()).isEqualTo(-54);
        assertThat(skipped.message()).isEqualTo("retry time not reached for any host for 'remote.example'");
        DeliveryResult refused = smtp(Map.of()).deliver(to("ok@remote.example",
                List.of(new RouteHost("down", "127.0.0.1", -1, closed))));
        assertThat(refused.message()).isEqualTo("Connection refused");
        assertThat(refused.errno()).isEqualTo(111);
    }

    @Test
    void anAddressDeferredAtRcptGoesOnToTheNextHostAsEximsClientDoes() throws Exception {
        // exim4 as client, same hosts (checked by hand): ok@ => first host, later@ 451 there => second host
        try (org.jexim.testkit.SmtpSink second = new org.jexim.testkit.SmtpSink()) {
            List<RouteHost> both = List.of(new RouteHost("first", "127.0.0.1", -1, port),
                    new RouteHost("second", "127.0.0.1", -1, second.port()));
            List<DeliveryResult> rs = smtp(Map.of()).deliverAll(List.of(to("ok@remote.example", both),
                    to("later@remote.example", both)));
            assertThat(rs).extracting(DeliveryResult::kind).containsExactly(DeliveryResult.Kind.OK, DeliveryResult.Kind.OK);
            assertThat(rs.get(0).connection().hostName()).isEqualTo("first");
            assertThat(rs.get(1).connection().hostName()).isEqualTo("second");
            assertThat(rs.get(1).additional()).isFalse(); // its own transaction: a => line of its own
            assertThat(arrival(rs.get(0))).endsWith(" for ok@remote.example");
            assertThat(second.next(10)).contains("Subject: ");
        }
    }

    @Test
    void dsnRequestsArePassedOnToAHostThatOffersDsnAndExim4SpoolsThemAsItsOwn() throws Exception {
        String orcpt = "rfc822;A+2Bx@remote.example";
        AddressItem a = AddressItem.of("ok@remote.example")
                .with(HostsVariable.NAME, HostsVariable.encode(List.of(new RouteHost("127.0.0.1", "127.0.0.1", -1, dsnPort))))
                .with(DsnVariables.NOTIFY, "SUCCESS,DELAY").with(DsnVariables.ORCPT, orcpt)
                .with(DsnVariables.RET, "HDRS").with(DsnVariables.ENVID, "abc+2Bdef");
        AddressItem b = AddressItem.of("two@remote.example")
                .with(HostsVariable.NAME, HostsVariable.encode(List.of(new RouteHost("127.0.0.1", "127.0.0.1", -1, dsnPort))))
                .with(DsnVariables.NOTIFY, "NEVER").with(DsnVariables.RET, "HDRS").with(DsnVariables.ENVID, "abc+2Bdef");
        RoutingContext context = new RoutingContext(LISTS, "mail.example.org", Map.of());
        List<DeliveryResult> rs = smtp(Map.of()).deliverAll(List.of(new Delivery(MESSAGE, "a@b.example", a, context),
                new Delivery(MESSAGE, "a@b.example", b, context)));
        assertThat(rs).extracting(DeliveryResult::kind).containsExactly(DeliveryResult.Kind.OK, DeliveryResult.Kind.OK);
        String id = rs.get(0).connection().confirmation().replaceAll("(?s).*id=(\\S+).*", "$1");
        String header = Files.readString(dir.resolve("spool/input/" + id + "-H"), StandardCharsets.ISO_8859_1);
        // what exim4 itself writes for RET=HDRS ENVID=abc+2Bdef and these NOTIFY/ORCPT (checked with exim4 -bs)
        assertThat(header).contains("-dsn_envid abc+2Bdef\n-dsn_ret 2\n");
        assertThat(header).contains("\nok@remote.example " + orcpt + " " + orcpt.length() + ",20  0,-1#3\n"
                + "two@remote.example  0,2  0,-1#3\n");
    }

    @Test
    void aHostThatCannotBeReachedGetsItsOwnLogLineAsInExim() throws Exception {
        // exim4 as client logged "ID H=127.0.0.1 [127.0.0.1] Connection refused" before the => line
        int closed = freePort();
        List<String> lines = new ArrayList<>();
        Transport t = TransportFactory.create("remote_smtp", "smtp", Map.of(), new TransportServices(List.of(),
                new HostRetryHints(null), Clock.systemUTC(), (id, line) -> lines.add(id + " " + line)), RULES);
        AddressItem a = AddressItem.of("ok@remote.example").with(HostsVariable.NAME, HostsVariable.encode(List.of(
                new RouteHost("down", "127.0.0.1", -1, closed), new RouteHost("up", "127.0.0.1", -1, port))));
        DeliveryResult r = t.deliver(new Delivery(MESSAGE, "a@b.example", a,
                new RoutingContext(LISTS, "mail.example.org", Map.of("message_id", "1xV3xW-0007BJ-37"))));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(lines).containsExactly("1xV3xW-0007BJ-37 H=down [127.0.0.1] Connection refused");
    }

    @Test
    void fallbackHostsTakeOverWhenTheRoutedHostsFail() throws Exception {
        int closed = freePort();
        DeliveryResult r = smtp(Map.of("fallback_hosts", "127.0.0.2::" + port))
                .deliver(to("ok@remote.example", List.of(new RouteHost("down", "127.0.0.1", -1, closed))));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(r.connection().hostField()).startsWith("127.0.0.2 [127.0.0.2]");
        DeliveryResult hosts = smtp(Map.of("hosts", "127.0.0.1::" + clearPort, "hosts_override", "true", "port", "99"))
                .deliver(to("ok@remote.example", List.of(new RouteHost("down", "127.0.0.1", -1, closed))));
        assertThat(hosts.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(hosts.connection().tls()).isNull();
    }

    @Test
    void heloDataAndInterfaceShowInTheRemoteLog() throws Exception {
        DeliveryResult r = smtp(Map.of("helo_data", "helo.${primary_hostname}", "interface", "127.0.0.2"))
                .deliver(to("ok@remote.example", remote()));
        assertThat(arrival(r)).contains("<= a@b.example H=(helo.mail.example.org) [127.0.0.2] ");
    }

    @Test
    void hostsRequireTlsDefersWhenTheServerOffersNone() {
        DeliveryResult r = smtp(Map.of("hosts_require_tls", "*"))
                .deliver(to("ok@remote.example", List.of(new RouteHost("127.0.0.1", "127.0.0.1", -1, clearPort))));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.errno()).isEqualTo(-38);
        assertThat(r.message()).isEqualTo("a TLS session is required, but the server did not offer TLS support");
        assertThat(r.connection().hostField()).isEqualTo("127.0.0.1 [127.0.0.1]");
    }

    @Test
    void hostsAvoidTlsSendsInClear() throws Exception {
        DeliveryResult r = smtp(Map.of("hosts_avoid_tls", "127.0.0.1")).deliver(to("ok@remote.example", remote()));
        assertThat(r.connection().tls()).isNull();
        assertThat(arrival(r)).contains(" P=esmtp K S=");
    }

    @Test
    void tlsVerifyHostsChecksTheCertificateAndItsName() throws Exception {
        List<RouteHost> named = List.of(new RouteHost("remote.example", "127.0.0.1", -1, port));
        DeliveryResult ok = smtp(Map.of("tls_verify_hosts", "*", "tls_verify_certificates", dir + "/cert.pem"))
                .deliver(to("ok@remote.example", named));
        assertThat(ok.connection().tls()).endsWith(" CV=yes");
        // a certificate that does not verify: Exim delivers unencrypted unless TLS is required
        DeliveryResult clear = smtp(Map.of("tls_verify_hosts", "*", "tls_verify_certificates", dir + "/client.pem"))
                .deliver(to("ok@remote.example", named));
        assertThat(clear.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(clear.connection().tls()).isNull();
        DeliveryResult required = smtp(Map.of("tls_verify_hosts", "*", "hosts_require_tls", "*",
                "tls_verify_certificates", dir + "/client.pem")).deliver(to("ok@remote.example", named));
        assertThat(required.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(required.errno()).isEqualTo(-37);
        assertThat(required.message()).isEqualTo("TLS session: (certificate verification failed): certificate invalid");
        DeliveryResult wrongName = smtp(Map.of("tls_verify_hosts", "*", "hosts_require_tls", "*",
                "tls_verify_certificates", dir + "/cert.pem")).deliver(to("ok@remote.example", remote()));
        assertThat(wrongName.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
    }

    @Test
    void tlsTryVerifyHostsLogsCvYesWhenTheCertificateVerifiesAndDeliversEitherWay() throws Exception {
        // exim4 as client with tls_verify_certificates and the default tls_try_verify_hosts = *:
        // CV=yes to the certificate's name, CV=no to 127.0.0.1 (checked by hand against an exim4 remote)
        List<RouteHost> named = List.of(new RouteHost("remote.example", "127.0.0.1", -1, port));
        DeliveryResult yes = smtp(Map.of("tls_verify_certificates", dir + "/cert.pem")).deliver(to("ok@remote.example", named));
        assertThat(yes.connection().tls()).endsWith(" CV=yes");
        DeliveryResult otherName = smtp(Map.of("tls_verify_certificates", dir + "/cert.pem"))
                .deliver(to("ok@remote.example", remote()));
        assertThat(otherName.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(otherName.connection().tls()).endsWith(" CV=no");
        DeliveryResult notTried = smtp(Map.of("tls_verify_certificates", dir + "/cert.pem", "tls_try_verify_hosts", ""))
                .deliver(to("ok@remote.example", named));
        assertThat(notTried.connection().tls()).endsWith(" CV=no");
        DeliveryResult untrusted = smtp(Map.of()).deliver(to("ok@remote.example", named)); // system anchors
        assertThat(untrusted.connection().tls()).endsWith(" CV=no");
    }

    @Test
    void aClientCertificateIsPresentedAndVerifiedByTheServer() throws Exception {
        DeliveryResult r = smtp(Map.of("tls_certificate", dir + "/client.pem", "tls_privatekey", dir + "/client.key"))
                .deliver(to("ok@remote.example", remote()));
        assertThat(arrival(r)).contains(" CV=yes DN=\"CN=client.example\" ");
    }

    @Test
    void plaintextAndCramMd5ClientsAuthenticateToEximsServerAuthenticators() throws Exception {
        TranslatedDriver plain = new TranslatedDriver("p", "plaintext", Map.of("public_name", "PLAIN", "client_send", "^user^secret"));
        TranslatedDriver wrong = new TranslatedDriver("p", "plaintext", Map.of("public_name", "PLAIN", "client_send", "^user^wrong"));
        TranslatedDriver cram = new TranslatedDriver("c", "cram_md5", Map.of("public_name", "CRAM-MD5", "client_name", "user",
                "client_secret", "secret"));
        DeliveryResult p = smtp(Map.of("hosts_require_auth", "*"), List.of(plain), new HostRetryHints(null))
                .deliver(to("ok@remote.example", remote()));
        assertThat(p.connection().deliveredFields()).contains(" A=p K");
        assertThat(arrival(p)).contains(" P=esmtpsa ", " A=plain_server:user ");
        DeliveryResult c = smtp(Map.of("hosts_try_auth", "*"), List.of(cram), new HostRetryHints(null))
                .deliver(to("ok@remote.example", remote()));
        assertThat(arrival(c)).contains(" A=cram_server:user ");
        DeliveryResult failed = smtp(Map.of("hosts_require_auth", "*"), List.of(wrong), new HostRetryHints(null))
                .deliver(to("ok@remote.example", remote()));
        assertThat(failed.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(failed.errno()).isEqualTo(-42);
        assertThat(failed.message()).isEqualTo("authentication required but authentication attempt(s) failed");
        assertThat(failed.connection()).isNull(); // Exim's == line for it has no H=
        DeliveryResult tried = smtp(Map.of("hosts_try_auth", "*"), List.of(wrong), new HostRetryHints(null))
                .deliver(to("ok@remote.example", remote()));
        assertThat(tried.kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(tried.connection().authenticator()).isNull();
    }

    @Test
    void sizeAdditionCountsInTheSizeTheServerChecks() {
        DeliveryResult big = smtp(Map.of("size_addition", "2024")).deliver(to("ok@remote.example", remote()));
        assertThat(big.kind()).isEqualTo(DeliveryResult.Kind.FAIL);
        assertThat(big.message()).matches("SMTP error from remote mail server after MAIL FROM:<a@b.example> SIZE=[0-9]+: "
                + "552 Message size exceeds maximum permitted");
        assertThat(smtp(Map.of("size_addition", "-1")).deliver(to("ok@remote.example", remote())).kind())
                .isEqualTo(DeliveryResult.Kind.OK);
    }

    @Test
    void dkimSignaturesVerifyWithTheMatchingPublicKey() throws Exception {
        DeliveryResult r = smtp(Map.of("dkim_domain", "b.example", "dkim_selector", "sel", "dkim_private_key", dir + "/dkim.key",
                "dkim_canon", "relaxed")).deliver(to("ok@remote.example", remote()));
        String m = delivered(r);
        // the message as sent: without the mbox "From " line, its >From escaping and the separating blank line
        String message = m.substring(m.indexOf('\n') + 1).replace("\n>From ", "\nFrom ").replaceAll("\n+$", "\n")
                .replace("\n", "\r\n");
        // jDKIM writes the tags in its own order, on one line
        assertThat(message).containsPattern("\r\nDKIM-Signature: a=rsa-sha256; b=[^;]+; c=relaxed/relaxed; s=sel; "
                + "d=b.example; v=1; bh=[^;]+; h=from:subject;\r\nSubject: hi\r\n");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) TlsClient.privateKey(dir.resolve("dkim.key"));
        String pub = Base64.getEncoder().encodeToString(KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded());
        Map<String, String> asked = new HashMap<>();
        List<SignatureRecord> ok = new DKIMVerifier((method, selector, token) -> {
            asked.put("name", selector + "._domainkey." + token);
            return List.of("v=DKIM1; k=rsa; p=" + pub);
        }).verify(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(asked).containsEntry("name", "sel._domainkey.b.example");
        assertThat(ok).hasSize(1);
        assertThat(new ArrayList<>(ok.get(0).getHeaders()).toString()).isEqualTo("[from, subject]");
    }
}
