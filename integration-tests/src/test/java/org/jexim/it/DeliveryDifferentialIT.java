package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exim 4.96 and jexim as daemons on the same configure (src/test/resources/delivery/configure),
 * the same messages sent to both with swaks; every mailbox file (mbox, maildir, what a pipe
 * command read and its environment, the bounces) is compared byte for byte
 * after masking dates, message ids and maildir file names, and so are the delivery lines of
 * the main logs. Differences listed in delivery/known-differences.txt are masked too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryDifferentialIT {
    static final Path EXIM = Path.of("/usr/sbin/exim4");
    static final List<String> RECIPIENTS = List.of("mb-a@delivery.example", "md-b@delivery.example",
            "cu-c@delivery.example", "mb-a@delivery.example", "pp-a@delivery.example", "ok@remote.example",
            "bo-a@delivery.example", "ho-a@delivery.example", "tf-a@delivery.example", "rp-a@delivery.example",
            "bt-a@delivery.example,bt-b@delivery.example", "bs-a@delivery.example,bs-b@delivery.example",
            "pa-a@delivery.example,pa-b@delivery.example", "mt-a@delivery.example", "df-a@delivery.example");
    /** Each fails differently: :fail:, no router, a redirected address no router takes, a pipe's exit 67. */
    static final List<String> FAILING = List.of("nobody@delivery.example", "unknown@delivery.example",
            "alias@delivery.example", "pf-a@delivery.example", "bad@remote.example");
    /**
     * One message whose recipients fail at three routers and one transport (twice, with output): Exim
     * sends one bounce for the delivery attempt, listing them in its order, and so must jexim.
     */
    static final String FAILING_TOGETHER = "nobody@delivery.example,unknown@delivery.example,alias@delivery.example,"
            + "pf-a@delivery.example,pf-b@delivery.example,md-c@delivery.example";
    Path configure;
    Path exim;
    Path jexim;
    long eximPid;
    Path remote;
    long remotePid;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")),
                "needs exim4 and root (exim4 -C drops to Debian-exim)");
        configure = Path.of(getClass().getResource("/delivery/configure").toURI());
        exim = Files.createTempDirectory("delivery-exim");
        jexim = Files.createTempDirectory("delivery-jexim");
        for (Path d : List.of(exim, jexim)) {
            for (String sub : List.of("spool", "log", "mail")) {
                Files.createDirectories(d.resolve(sub));
            }
        }
        Jexim.run(List.of("chmod", "755", exim.toString(), jexim.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", exim.toString()));
        // the remote MTA both relay remote.example to through manualroute and the smtp transport
        remote = Files.createTempDirectory("delivery-remote");
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(remote.resolve(sub));
        }
        Jexim.run(List.of("chmod", "755", remote.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", remote.toString()));
        int remotePort = Jexim.freePort();
        Jexim.Result r = Jexim.run(List.of(EXIM.toString(), "-C", Path.of(getClass().getResource("/delivery/remote.conf").toURI())
                .toString(), "-DDIR=" + remote, "-DPORT=" + remotePort, "-bd", "-oP", remote.resolve("pid").toString()));
        assertThat(r.status()).as(r.output()).isZero();
        EximDaemon.waitForPort(remotePort);
        remotePid = Long.parseLong(Files.readString(remote.resolve("pid")).strip());
        int eximPort = Jexim.freePort();
        Jexim.Result e = Jexim.run(List.of(EXIM.toString(), "-C", configure.toString(), "-DDIR=" + exim,
                "-DPORT=" + eximPort, "-DRELAY_TO=" + remotePort, "-DDUSER=Debian-exim", "-DSIZES", "-bd", "-oP", exim.resolve("pid").toString()));
        assertThat(e.status()).as(e.output()).isZero();
        int jeximPort = Jexim.freePort();
        Jexim.Result j = Jexim.jexim("-C", configure.toString(), "-DDIR=" + jexim, "-DPORT=" + jeximPort,
                "-DRELAY_TO=" + remotePort, "-DDUSER=root", "-DSIZES", "-bd");
        assertThat(j.status()).as(j.output()).isZero();
        EximDaemon.waitForPort(eximPort);
        eximPid = Long.parseLong(Files.readString(exim.resolve("pid")).strip());
        byte[] data = Files.readAllBytes(Path.of(getClass().getResource("/delivery/message.eml").toURI()));
        Path message = Files.createTempFile("delivery", ".eml");
        Files.write(message, data);
        for (String to : RECIPIENTS) {
            for (int port : new int[] {eximPort, jeximPort}) {
                Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                        "--from", "sender@example.org", "--to", to, "--data", "@" + message));
                assertThat(s.output()).as(s.output()).contains("<-  250 ");
            }
        }
        for (String to : FAILING) {
            for (int port : new int[] {eximPort, jeximPort}) {
                Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                        "--from", "md-s@delivery.example", "--to", to, "--data", "@" + message));
                assertThat(s.output()).as(s.output()).contains("<-  250 ");
            }
        }
        for (int port : new int[] {eximPort, jeximPort}) {
            Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                    "--from", "md-s@delivery.example", "--to", FAILING_TOGETHER, "--data", "@" + message));
            assertThat(s.output()).as(s.output()).contains("<-  250 ");
        }
        // its bounce goes to nobody@, which fails too: the bounce is frozen on both
        for (int port : new int[] {eximPort, jeximPort}) {
            Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                    "--from", "nobody@delivery.example", "--to", "unknown@delivery.example", "--data", "@" + message));
            assertThat(s.output()).as(s.output()).contains("<-  250 ");
        }
        for (int port : new int[] {eximPort, jeximPort}) {
            Jexim.Result s = Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--helo", "client.example",
                    "--from", "md-s@delivery.example", "--to", "later@delivery.example", "--data", "@" + message));
            assertThat(s.output()).as(s.output()).contains("<-  250 ");
        }
        MainLogs.waitForLines(" => ", RECIPIENTS.size() + FAILING.size() + 3 + 2, exim, jexim);
        MainLogs.waitForLines(" == ", 1, exim, jexim);
        MainLogs.waitForLines(" Frozen (delivery error message)", 1, exim, jexim);
    }

    @AfterAll
    void stop() throws Exception {
        for (long pid : new long[] {eximPid, remotePid}) {
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
        if (jexim != null) {
            Jexim.stop(jexim.resolve("spool"));
        }
    }

    @Test
    void mailboxesAreByteForByteTheSameAfterMasking() throws Exception {
        Map<String, String> e = mailboxes(exim);
        Map<String, String> j = mailboxes(jexim);
        assertThat(j.keySet()).isEqualTo(e.keySet());
        for (String box : e.keySet()) {
            assertThat(j.get(box)).as(box).isEqualTo(e.get(box));
        }
    }

    @Test
    void theDeferredMessageAndTheFrozenBounceWaitOnTheSpoolOfBoth() throws Exception {
        for (Path dir : List.of(exim, jexim)) {
            List<String> headers = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir.resolve("spool/input"))) {
                for (Path p : s.filter(p -> p.toString().endsWith("-H")).toList()) {
                    headers.add(Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(headers).as(dir.toString()).hasSize(2);
            // the client's lines of the SMTP message, as exim4 -bd writes them (the ports are the test's)
            assertThat(headers).as(dir.toString()).anySatisfy(h -> assertThat(h).contains("later@delivery.example")
                    .containsPattern("\n--helo_name client.example\n-host_address \\[127.0.0.1\\]:[0-9]+\n"
                            + "-interface_address \\[127.0.0.1\\]:[0-9]+\n-received_protocol esmtp\n"));
            // the bounce that could not be delivered: from <>, frozen, its recipient still to do
            assertThat(headers).as(dir.toString()).anySatisfy(h -> assertThat(h).contains("\n<>\n")
                    .containsPattern("\n-frozen [0-9]+\n").contains("\n1\nnobody@delivery.example\n"));
        }
        // jexim keeps the retry rule's F,2h,15m schedule on the spool: next attempt 15 minutes on
        try (Stream<Path> s = Files.list(jexim.resolve("spool/input"))) {
            Path header = s.filter(p -> p.toString().endsWith("-H")).filter(p -> {
                try {
                    return Files.readString(p, StandardCharsets.ISO_8859_1).contains("later@delivery.example");
                } catch (java.io.IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
            String h = Files.readString(header, StandardCharsets.ISO_8859_1);
            assertThat(h).contains("_retry_interval=900");
            long deliverAt = Long.parseLong(h.replaceAll("(?s).*\n-jexim_deliver_at ([0-9]+)\n.*", "$1"));
            assertThat(deliverAt - System.currentTimeMillis()).isBetween(600_000L, 900_000L);
        }
    }

    @Test
    void theRemoteMtaGotTheSameMessageFromBoth() throws Exception {
        String box = mask(Files.readString(remote.resolve("mail/box"), StandardCharsets.ISO_8859_1));
        String[] messages = box.split("\n(?=From \\S+ BSDDATE\n)");
        assertThat(messages).hasSize(2);
        assertThat(messages[1]).isEqualTo(messages[0] + "\n"); // the split took the first one's last newline
    }

    @Test
    void deliveryLinesOfTheMainLogAreTheSame() throws Exception {
        assertThat(deliveries(jexim)).isEqualTo(deliveries(exim));
    }

    @Test
    void bouncesAreLoggedWithTheirSize() throws Exception {
        for (Path dir : List.of(exim, jexim)) {
            List<Long> logged = new ArrayList<>();
            for (String l : Files.readAllLines(dir.resolve("log/mainlog"), StandardCharsets.ISO_8859_1)) {
                java.util.regex.Matcher m = BOUNCE_ARRIVAL.matcher(l);
                if (m.matches()) {
                    logged.add(Long.parseLong(m.group(2)));
                }
            }
            // a bounce as received: the delivered file without the Return-path:, Envelope-to:, Delivery-date: on top
            List<Long> received = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir.resolve("mail/^md-/new"))) {
                for (Path f : s.toList()) {
                    String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                    if (text.startsWith("Return-path: <>\n")) {
                        String[] top = text.split("\n", 4);
                        received.add((long) top[3].getBytes(StandardCharsets.ISO_8859_1).length);
                    }
                }
            }
            // 7 bounces, the one to nobody@ frozen, the 6 others delivered as logged
            assertThat(received).as(dir.toString()).hasSize(6);
            assertThat(logged).as(dir.toString()).hasSize(7).containsAll(received);
        }
    }

    /** Each mailbox file (maildir messages by order of delivery) with its masked content. */
    private static Map<String, String> mailboxes(Path dir) throws Exception {
        Map<String, String> boxes = new TreeMap<>();
        Path mail = dir.resolve("mail");
        try (Stream<Path> s = Files.walk(mail)) {
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            Map<String, List<String>> maildirs = new TreeMap<>();
            for (Path f : files) {
                String rel = mail.relativize(f).toString();
                String content = mask(Files.readString(f, StandardCharsets.ISO_8859_1));
                if (rel.contains("/new/")) {
                    String name = f.getFileName().toString();
                    assertThat(name).matches("[0-9]+\\.M[0-9]+P[0-9]+\\.delivery\\.example(,S=[0-9]+)?");
                    // the maildir_tag is compared with the content
                    maildirs.computeIfAbsent(rel.substring(0, rel.indexOf("/new/")), k -> new ArrayList<>())
                            .add(name.replaceAll("^[^,]*", "") + "\n" + content);
                } else {
                    // directory_file names hold the time and the inode
                    boxes.put(rel.replaceAll("/q[0-9A-Za-z]+-[0-9]+$", "/QFILE"), content);
                }
            }
            // maildir messages in an order both servers share: by masked content
            maildirs.forEach((dirName, contents) -> {
                List<String> sorted = contents.stream().sorted().toList();
                for (int i = 0; i < sorted.size(); i++) {
                    boxes.put(dirName + "/new/" + i, sorted.get(i));
                }
            });
        }
        return boxes;
    }

    private static List<String> deliveries(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("log/mainlog"), StandardCharsets.ISO_8859_1)) {
            if (l.matches("\\S+ \\S+ \\S+ (=>|->|\\*\\*|==|Frozen) .*")) {
                lines.add(mask(l.substring(l.indexOf(' ', l.indexOf(' ') + 1) + 1)));
            }
            if (BOUNCE_ARRIVAL.matcher(l).matches()) {
                // S= is compared with the bounces themselves (bouncesAreLoggedWithTheirSize)
                lines.add("MESSAGEID <= <> R=MESSAGEID U=USER P=local S=SIZE");
            }
        }
        return lines.stream().sorted().toList();
    }

    /** The arrival line of a bounce: {@code <= <> R=id U=user P=local S=size}. */
    private static final java.util.regex.Pattern BOUNCE_ARRIVAL =
            java.util.regex.Pattern.compile("\\S+ \\S+ \\S+ <= <> R=\\S+ U=(\\S+) P=local S=([0-9]+)");

    private static final List<String> KNOWN = known();

    private static List<String> known() {
        try {
            return Files.readAllLines(Path.of(DeliveryDifferentialIT.class.getResource("/delivery/known-differences.txt")
                    .toURI())).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String mask(String text) {
        for (String regex : KNOWN) {
            text = text.replaceAll(regex, "KNOWN-DIFFERENCE\n");
        }
        // case-insensitive: the transport_filter case upper-cases the whole message
        return text.replaceAll("(?i)[A-Z][a-z]{2}, [ 0-9]?[0-9] [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [-+][0-9]{4}", "DATE")
                .replaceAll("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} [0-9]{4}", "BSDDATE")
                .replaceAll("(?i)[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "MESSAGEID")
                .replaceAll("[0-9]+-eximdsn-[0-9]+", "BOUNDARY");
    }
}
