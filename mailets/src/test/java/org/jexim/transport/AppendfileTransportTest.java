package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.model.ListKind;
import org.jexim.lists.ListContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendfileTransportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:04:05.123456Z"), ZoneOffset.UTC);
    static final ListContext LISTS = new ListContext() {
        @Override
        public Optional<String> namedList(ListKind kind, String name) {
            return Optional.empty();
        }

        @Override
        public String primaryHostname() {
            return "mail.example.org";
        }
    };
    static final byte[] MESSAGE = "Subject: hi\r\nFrom: a@b.example\r\n\r\nFrom me\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    Delivery delivery(String sender) {
        AddressItem parent = AddressItem.of("postmaster@localhost");
        AddressItem child = parent.child("jexim", "mail.example.org");
        return new Delivery(MESSAGE, sender, child, new RoutingContext(LISTS, "mail.example.org", Map.of()));
    }

    @Test
    void maildirFileHasEximsNameAndHeaders(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("directory", dir + "/jexim",
                "maildir_format", "true", "delivery_date_add", "true", "envelope_to_add", "true",
                "return_path_add", "true"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        List<Path> files = Files.list(dir.resolve("jexim/new")).toList();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString())
                .isEqualTo("1795316645.H123456P" + ProcessHandle.current().pid() + ".mail.example.org");
        assertThat(Files.readString(files.get(0))).isEqualTo("Return-path: <a@b.example>\n"
                + "Envelope-to: postmaster@localhost\n"
                + "Delivery-date: Sun, 22 Nov 2026 03:04:05 +0000\n"
                + "Subject: hi\nFrom: a@b.example\n\nFrom me\nbody\n");
        assertThat(dir.resolve("jexim/tmp")).isEmptyDirectory();
        assertThat(dir.resolve("jexim/cur")).isEmptyDirectory();
    }

    @Test
    void mboxGetsFromLineEscapingAndBlankLine(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox"), CLOCK);
        assertThat(t.deliver(delivery(""))).isEqualTo(DeliveryResult.OK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        String one = "Subject: hi\nFrom: a@b.example\n\n>From me\nbody\n\n";
        assertThat(Files.readString(dir.resolve("mbox"))).isEqualTo(
                "From MAILER-DAEMON Sun Nov 22 03:04:05 2026\n" + one
                + "From a@b.example Sun Nov 22 03:04:05 2026\n" + one);
    }

    @Test
    void unsupportedDriversDeferWithAReason() {
        Transport t = TransportFactory.create("remote_smtp", "smtp", Map.of(), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.message()).isEqualTo("remote_smtp transport: driver smtp is not implemented in jexim yet");
    }
}
