package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * James's WebAdmin on a running ./jexim -bd, switched on by the JEXIM_WEBADMIN_PORT macro: the
 * requests of the README's WebAdmin section (the same methods, paths and bodies as its curl
 * examples) list and edit domains and users, show the Exim spool as the "spool" mail queue, delete
 * a deferred message from it, flush it, and list the mail repositories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAdminIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private Path home;
    private Path spool;
    private Path configure;
    private String base;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("jexim-webadmin");
        spool = home.resolve("spool");
        configure = home.resolve("configure");
        int webadmin = Jexim.freePort();
        base = "http://127.0.0.1:" + webadmin;
        Files.writeString(configure, "primary_hostname = test.example\ndomainlist local_domains = test.example\n"
            + "daemon_smtp_ports = " + Jexim.freePort() + "\nlocal_interfaces = <; 127.0.0.1\n"
            + "spool_directory = " + spool + "\nlog_file_path = " + spool + "/log/%slog\n"
            + "JEXIM_WEBADMIN_PORT = " + webadmin + "\nacl_smtp_rcpt = accept\n"
            + "begin routers\ndeferring:\n  driver = redirect\n  local_parts = later\n  data = :defer: try again later\n"
            + "  allow_defer\nlocal_user:\n  driver = accept\n  domains = +local_domains\n  transport = local_maildir\n"
            + "begin transports\nlocal_maildir:\n  driver = appendfile\n  directory = " + home + "/mail/$local_part\n  create_file = " + home + "/mail\n"
            + "  maildir_format\n"
            + "begin retry\n*   *   F,2h,15m\n");
        Jexim.Result started = Jexim.jexim("-C", configure.toString(), "-bd");
        assertThat(started.status()).as(started.output()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        if (spool != null) {
            Jexim.stop(spool);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void domainsAndUsers() throws Exception {
        assertThat(send("GET", "/domains", null).body()).isEqualTo("[\"test.example\"]");
        assertThat(send("PUT", "/domains/other.example", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/domains", null).body()).contains("\"other.example\"", "\"test.example\"");
        assertThat(send("PUT", "/users/bob@test.example", "{\"password\":\"secret\"}").statusCode()).isEqualTo(204);
        assertThat(send("GET", "/users", null).body()).isEqualTo("[{\"username\":\"bob@test.example\"}]");
        assertThat(send("DELETE", "/users/bob@test.example", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/users", null).body()).isEqualTo("[]");
    }

    @Test
    void theSpoolIsAMailQueueToListDeleteAndFlush() throws Exception {
        assertThat(send("GET", "/mailQueues", null).body()).isEqualTo("[\"spool\"]");
        Jexim.Result s = Jexim.run(List.of("swaks", "--server", configuredSmtp(), "--from", "alice@example.org",
            "--to", "later@test.example", "--header", "Subject: deferred"));
        assertThat(s.output()).contains("<-  250 OK id=");
        String id = s.output().replaceAll("(?s).*250 OK id=(\\S+).*", "$1");
        waitUntil(() -> send("GET", "/mailQueues/spool/mails", null).body().contains("later@test.example"));
        // a message is removed only between delivery attempts (one being delivered is skipped): wait for the deferral
        waitUntil(() -> Files.exists(spool.resolve("log/mainlog"))
            && Files.readString(spool.resolve("log/mainlog")).contains(id + " == later@test.example"));
        String listed = send("GET", "/mailQueues/spool/mails", null).body();
        assertThat(listed).contains("\"name\":\"" + id + "\"", "\"sender\":\"alice@example.org\"",
            "\"recipients\":[\"later@test.example\"]");
        String remaining = null;
        for (int attempt = 0; attempt < 20 && !"[]".equals(remaining); attempt++) {
            if (remaining != null) {
                Thread.sleep(500); // the deferral's requeue had not finished: the message was still in flight
            }
            HttpResponse<String> deleted = send("DELETE", "/mailQueues/spool/mails?recipient=later@test.example", null);
            assertThat(deleted.statusCode()).isEqualTo(201);
            String task = deleted.body().replaceAll(".*\"taskId\":\"([^\"]+)\".*", "$1");
            assertThat(send("GET", "/tasks/" + task + "/await", null).body()).contains("\"status\":\"completed\"");
            remaining = send("GET", "/mailQueues/spool/mails", null).body();
        }
        assertThat(remaining).isEqualTo("[]");
        assertThat(Files.exists(spool.resolve("input/" + id + "-H"))).isFalse();

        // a message queued with -odq waits on the spool until the queue is flushed over WebAdmin
        ProcessBuilder submit = new ProcessBuilder(Jexim.ROOT.resolve("jexim").toString(), "-C", configure.toString(), "-odq",
            "carol@test.example").redirectErrorStream(true);
        submit.environment().put("JEXIM_NO_BUILD", "1");
        Process p = submit.start();
        p.getOutputStream().write("Subject: queued\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(inbox("carol")).isZero();
        assertThat(send("PATCH", "/mailQueues/spool/mails?delayed=true", "{\"delayed\": false}").statusCode()).isEqualTo(204);
        waitUntil(() -> inbox("carol") > 0);
        assertThat(inbox("carol")).isPositive();
    }

    @Test
    void mailRepositoriesAreListed() throws Exception {
        assertThat(send("GET", "/mailRepositories", null).body()).contains("\"repository\":\"var/error\"");
    }

    private String configuredSmtp() throws Exception {
        String text = Files.readString(configure);
        return "127.0.0.1:" + text.replaceAll("(?s).*daemon_smtp_ports = (\\d+).*", "$1");
    }

    private long inbox(String user) throws Exception {
        Path dir = home.resolve("mail").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !check.ok()) {
            Thread.sleep(200);
        }
    }
}
