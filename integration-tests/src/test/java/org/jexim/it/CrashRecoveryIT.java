package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of ./jexim -bd under parallel swaks load: after a restart, every message that got
 * {@code 250} is delivered exactly once, and no message is delivered twice.
 */
class CrashRecoveryIT {
    private static final int CLIENTS = 6;
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (crash-\\d+)\\r?$");
    Path spool;

    @AfterEach
    void stop() throws Exception {
        if (spool != null) {
            Jexim.stop(spool);
        }
    }

    @Test
    void everyAcknowledgedMessageIsDeliveredExactlyOnceAfterKill9() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "needs swaks");
        Path home = Files.createTempDirectory("jexim-crash-it");
        spool = home.resolve("spool");
        Path configure = home.resolve("configure");
        int port = Jexim.freePort();
        Files.writeString(configure, "primary_hostname = test.example\nqualify_domain = test.example\n"
            + "domainlist local_domains = test.example\nspool_directory = " + spool + "\n"
            + "log_file_path = " + spool + "/log/%slog\ndaemon_smtp_ports = " + port + "\n"
            + "local_interfaces = <; 127.0.0.1\nacl_smtp_rcpt = acl_rcpt\nbegin acl\nacl_rcpt:\n  accept\n"
            + "begin routers\nlocal_user:\n  driver = accept\n  domains = +local_domains\n"
            + "  transport = local_maildir\nbegin transports\nlocal_maildir:\n  driver = appendfile\n"
            + "  directory = " + home + "/mail\n  maildir_format\n");
        Jexim.Result started = Jexim.jexim("-C", configure.toString(), "-bd");
        assertThat(started.status()).as(started.output()).isZero();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    String subject = "crash-" + next.incrementAndGet();
                    Jexim.Result swaks = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from",
                        "alice@example.org", "--to", "bob@test.example", "--header", "Subject: " + subject, "--timeout", "10"));
                    if (swaks.output().contains("<-  250 OK id=")) {
                        acknowledged.add(subject);
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long pid = Long.parseLong(Files.readString(spool.resolve("jexim-daemon.pid")).strip());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        daemon.onExit().get(30, TimeUnit.SECONDS);
        Thread.sleep(1000); // the clients meet a dead server
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Jexim.Result restarted = Jexim.jexim("-C", configure.toString(), "-bd");
        assertThat(restarted.status()).as(restarted.output()).isZero();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Jexim.jexim("-C", configure.toString(), "-bpc").output().equals("0\n") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        try (Stream<Path> files = Files.list(home.resolve("mail/new"))) {
            for (Path f : files.toList()) {
                Matcher m = SUBJECT.matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    delivered.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        List<String> doubled = new ArrayList<>();
        delivered.forEach((subject, n) -> {
            if (n > 1) {
                doubled.add(subject);
            }
        });
        System.out.println("kill -9 under " + CLIENTS + " parallel swaks: " + acknowledged.size() + " acknowledged, "
            + delivered.size() + " delivered after the restart");
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);
        assertThat(doubled).as("delivered twice").isEmpty();
        assertThat(delivered.keySet()).as("every acknowledged message delivered").containsAll(acknowledged);
    }
}
