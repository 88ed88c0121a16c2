package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.model.ListKind;
import org.jexim.lists.ListContext;
import org.jexim.retry.HostRetryHints;
import org.jexim.routing.RouteHost;
import org.jexim.transport.Delivery;
import org.jexim.transport.DeliveryResult;
import org.jexim.transport.HostsVariable;
import org.jexim.transport.TransportFactory;
import org.jexim.transport.TransportServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PIPELINING on the client side, with the real Exim 4.96 at both ends: a receiving exim4 -bd on
 * loopback logs +pipelining, so its {@code <=} line says whether the client pipelined ("L.") or
 * not ("L.-"). exim4 -odi as the client, and jexim's smtp transport, deliver to it with the same
 * options (with and without CHUNKING, with hosts_avoid_pipelining): the receiver must log the same
 * for both clients, and the {@code =>} line jexim writes with log_selector +pipelining must be the
 * one exim4 wrote (ids and the C= text masked).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpClientPipeliningAgainstEximTest {
    private static final String MESSAGE = "Subject: pipelined\n\nbody\n";
    private Path dir;
    private int port;
    private Process receiver;

    @BeforeAll
    void startReceiver() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")), "exim4 is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "exim4 -C with a spool of its own needs root");
        dir = Files.createTempDirectory("pipelining");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = configure("pipelining-receiver.conf", "receiver.conf", Map.of());
        Files.createDirectories(dir.resolve("receiver/log"));
        own(dir.resolve("receiver"));
        receiver = new ProcessBuilder("/usr/sbin/exim4", "-C", conf.toString(), "-bdf").redirectErrorStream(true)
            .redirectOutput(dir.resolve("receiver.out").toFile()).start();
        for (int i = 0; i < 200; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the receiving exim4 did not start");
    }

    @AfterAll
    void stopReceiver() {
        if (receiver != null) {
            receiver.destroy();
        }
    }

    @ParameterizedTest
    @CsvSource({"*, ''", "'', ''", "*, *"})
    void theReceiverSeesWhatEximsClientDoesAndTheDeliveryLineIsExims(String chunking, String avoid) throws Exception {
        String eximLine = deliverWithExim(chunking, avoid);
        String eximArrival = lastArrival();

        RecordingSink sink = new RecordingSink();
        EximDeliveryLog log = new EximDeliveryLog(new EximLog(LogSelector.parse("+pipelining"), Optional.empty(), sink),
            Optional.empty(), t -> false);
        AddressItem address = AddressItem.of("ok@remote.example")
            .with(HostsVariable.NAME, HostsVariable.encode(List.of(new RouteHost("127.0.0.1", "127.0.0.1", -1, port))));
        Map<String, String> options = Map.of("port", Integer.toString(port), "hosts_try_chunking", chunking,
            "hosts_avoid_pipelining", avoid);
        DeliveryResult r = TransportFactory.create("t", "smtp", options,
                new TransportServices(List.of(), new HostRetryHints(null), Clock.systemUTC()), List.of())
            .deliver(new Delivery(MESSAGE.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII), "a@b.example",
                address, new RoutingContext(LISTS, "sender.example", Map.of())));
        assertThat(r.kind()).as(r.message()).isEqualTo(DeliveryResult.Kind.OK);
        log.delivered("1xVCh2-00033T-1Y", address, "r", "t", r);

        assertThat(mask(lastArrival())).isEqualTo(mask(eximArrival));
        assertThat(eximArrival).contains(avoid.isEmpty() ? " L. " : " L.- ");
        assertThat(sink.main).hasSize(1);
        assertThat(mask(sink.main.get(0))).isEqualTo(mask(eximLine));
    }

    /** exim4 -odi as the client; its => line without the date. */
    private String deliverWithExim(String chunking, String avoid) throws Exception {
        Path client = dir.resolve("client");
        if (Files.exists(client)) {
            try (var files = Files.walk(client)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(client.resolve("log"));
        own(client);
        Path conf = configure("pipelining-client.conf", "client.conf", Map.of("@CHUNKING@", chunking, "@AVOID@", avoid));
        Process exim = new ProcessBuilder("/usr/sbin/exim4", "-C", conf.toString(), "-odi", "-f", "a@b.example",
            "ok@remote.example").redirectErrorStream(true).start();
        exim.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        exim.getOutputStream().close();
        String output = new String(exim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exim.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(client.resolve("log/mainlog")).stream().map(l -> l.substring(20))
            .filter(l -> l.contains(" => ")).findFirst().orElseThrow(() -> new AssertionError(output));
    }

    private String lastArrival() throws Exception {
        List<String> arrivals = Files.readAllLines(dir.resolve("receiver/log/mainlog")).stream()
            .filter(l -> l.contains(" <= ")).toList();
        return arrivals.get(arrivals.size() - 1);
    }

    /** Ids, sizes, times and the final reply's text masked; the Message-ID (exim4 adds one, the raw message has none) left out. */
    private static String mask(String line) {
        return line.replaceAll("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ", "").replaceAll("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID")
            .replaceAll(" S=\\d+", " S=N").replaceAll(" C=\".*\"$", " C=\"...\"").replaceAll(" id=\\S+", "");
    }

    private Path configure(String resource, String name, Map<String, String> more) throws Exception {
        String text = new String(getClass().getResourceAsStream(resource).readAllBytes(), StandardCharsets.UTF_8)
            .replace("@DIR@", dir.toString()).replace("@PORT@", Integer.toString(port));
        for (Map.Entry<String, String> e : more.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return Files.writeString(dir.resolve(name), text);
    }

    /** exim4 must not run its transports as root (fixed_never_users): its own user owns its spool. */
    private static void own(Path path) throws Exception {
        var user = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("Debian-exim");
        try (var files = Files.walk(path)) {
            for (Path p : files.toList()) {
                Files.setOwner(p, user);
            }
        }
    }

    private static final ListContext LISTS = new ListContext() {
        @Override
        public Optional<String> namedList(ListKind kind, String name) {
            return Optional.empty();
        }

        @Override
        public String primaryHostname() {
            return "sender.example";
        }
    };
}
