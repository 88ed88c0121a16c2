package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * jexim's jars in an untouched James: the james-server-memory-app 3.8.1 distribution from Maven
 * Central (its zip, with the libraries its manifest names resolved by Maven: stock-james/pom.xml),
 * container/target/jexim-james-extension.jar dropped into its extensions-jars/, and the files
 * {@code ./jexim translate} wrote from a configure copied over its conf/ (IMAP, POP3, ManageSieve,
 * JMAP and WebAdmin switched off, as a mail relay would). Started with the distribution's own
 * command line, that stock James must route and deliver as the configure says (a maildir file for
 * a local user) and enforce its RCPT ACL (relaying refused with the ACL's message), as docs/stock-james.md
 * describes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockJamesIT {
    private Path home;
    private Path james;
    private Process process;
    private int port;

    @BeforeAll
    void start() throws Exception {
        Path extension = Jexim.ROOT.resolve("container/target/jexim-james-extension.jar");
        assumeTrue(Files.exists(extension), "needs the extension jar (mvn package)");
        home = Files.createTempDirectory("stock-james");
        Jexim.Result assembled = Jexim.run(List.of("mvn", "-B", "-q", "-f",
            Jexim.ROOT.resolve("integration-tests/stock-james/pom.xml").toString(), "package",
            "-Dstock.dir=" + home));
        assertThat(assembled.status()).as(assembled.output()).isZero();
        james = home.resolve("james-server-memory-app");
        Files.copy(extension, james.resolve("extensions-jars/jexim-james-extension.jar"));

        port = Jexim.freePort();
        Path configure = home.resolve("configure");
        Files.writeString(configure, "primary_hostname = stock.example\n"
            + "domainlist local_domains = stock.example\n"
            + "daemon_smtp_ports = " + port + "\nlocal_interfaces = <; 127.0.0.1\n"
            + "spool_directory = " + home + "/spool\n"
            + "acl_smtp_rcpt = acl_check_rcpt\n"
            + "begin acl\nacl_check_rcpt:\n  accept domains = +local_domains\n  deny message = relay not permitted\n"
            + "begin routers\nlocal_user:\n  driver = accept\n  domains = +local_domains\n  local_parts = bob : carol\n"
            + "  transport = local_maildir\n"
            + "begin transports\nlocal_maildir:\n  driver = appendfile\n  directory = " + home + "/mail/$local_part_data\n"
            + "  maildir_format\n");
        Path translated = home.resolve("translated");
        Jexim.Result t = Jexim.jexim("-C", configure.toString(), "translate", "-o", translated.toString());
        assertThat(t.status()).as(t.output()).isZero();
        try (Stream<Path> files = Files.list(translated)) {
            for (Path f : files.toList()) {
                Files.copy(f, james.resolve("conf").resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String server : List.of("imapserver.xml", "pop3server.xml", "managesieveserver.xml")) {
            Path file = james.resolve("conf").resolve(server);
            Files.writeString(file, Files.readString(file).replaceAll("enabled=\"true\"", "enabled=\"false\""));
        }
        for (String properties : List.of("jmap.properties", "webadmin.properties")) {
            Path file = james.resolve("conf").resolve(properties);
            Files.writeString(file, Files.readString(file).replaceAll("(?m)^enabled=true", "enabled=false"));
        }
        // the distribution's own command line (README.adoc of the zip)
        process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Dworking.directory=.",
            "-Dlogback.configurationFile=conf/logback.xml", "-jar", "james-server-memory-app.jar")
            .directory(james.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(home.resolve("james.out").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && !listening()) {
            assertThat(process.isAlive()).as(Files.readString(home.resolve("james.out"))).isTrue();
            Thread.sleep(250);
        }
        assertThat(listening()).as(Files.readString(home.resolve("james.out"))).isTrue();
    }

    private boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theStockJamesDeliversAsTheConfigureSaysAndEnforcesItsAcl() throws Exception {
        Jexim.Result accepted = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
            "--from", "alice@example.org", "--to", "bob@stock.example", "--header", "Subject: stock james", "--body", "hello"));
        assertThat(accepted.output()).contains("<-  220 stock.example ESMTP Exim 4.96").contains("<-  250 OK id=");
        Jexim.Result refused = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
            "--from", "alice@example.org", "--to", "someone@elsewhere.example"));
        assertThat(refused.output()).contains("<** 550 relay not permitted");
        Path inbox = home.resolve("mail/bob/new");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && count(inbox) == 0) {
            Thread.sleep(200);
        }
        assertThat(count(inbox)).as(Files.readString(home.resolve("james.out"))).isEqualTo(1);
        try (Stream<Path> files = Files.list(inbox)) {
            String message = Files.readString(files.findFirst().orElseThrow(), StandardCharsets.ISO_8859_1);
            assertThat(message).contains("Subject: stock james").contains("hello");
        }
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
