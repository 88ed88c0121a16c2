package org.jexim.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoreply transport's messages, byte for byte as Exim 4.96 generated them for the same
 * options and message (captured from exim4 -odi runs; Received:, Message-Id: and Date: masked),
 * and its once, once_repeat, never_mail, file and log behaviour.
 */
class AutoreplyTransportTest extends TransportFixtures {
    @TempDir
    Path dir;

    private final List<String> sent = new ArrayList<>();
    private final List<List<String>> recipients = new ArrayList<>();

    private static final byte[] ORIGINAL = ("From: sender@example.org\nTo: auto@test.example\nSubject: hello auto\n"
            + "Message-ID: <orig2@example.org>\n\nHi there\n").getBytes(StandardCharsets.ISO_8859_1);

    private AutoreplyTransport transport(Map<String, String> options) {
        AutoreplyTransport t = new AutoreplyTransport("t_auto", options, CLOCK);
        t.sender((rcpts, bytes) -> {
            recipients.add(rcpts);
            sent.add(new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                    .replaceAll("(?m)^Message-Id: .*\n", "").replaceAll("(?m)^Date: .*\n", ""));
        });
        return t;
    }

    private Delivery delivery(byte[] message, AddressItem address) {
        return new Delivery(message, "sender@example.org", address,
                new RoutingContext(LISTS, "test.example", Map.of("sender_address", "sender@example.org")));
    }

    private Map<String, String> autoOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("to", "$sender_address");
        o.put("from", "auto@test.example");
        o.put("subject", "Re: $h_subject:");
        o.put("text", "Auto text for $local_part\\n");
        o.put("once", dir.resolve("once").toString());
        o.put("once_repeat", "1h");
        o.put("log", dir.resolve("auto.log").toString());
        return o;
    }

    @Test
    void transportOptionsGiveEximsMessage() {
        AddressItem auto = AddressItem.of("auto@test.example");
        DeliveryResult r = transport(autoOptions()).deliver(delivery(ORIGINAL, auto));
        assertEquals(DeliveryResult.Kind.OK, r.kind());
        assertEquals(List.of("From: auto@test.example\nTo: sender@example.org\nSubject: Re: hello auto\n"
                + "In-Reply-To: <orig2@example.org>\nReferences: <orig2@example.org>\nAuto-Submitted: auto-replied\n"
                + "\nAuto text for auto\n"), sent);
        assertEquals(List.of(List.of("sender@example.org")), recipients);
    }

    @Test
    void filterMailCommandGivesEximsMessage() {
        byte[] original = ("From: sender@example.org\nTo: user@test.example\nSubject: vac test\n"
                + "Message-ID: <orig1@example.org>\nReferences: <r0@example.org>\n\nHello body\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        AddressItem reply = new AddressItem(">friend@example.com", "", AddressItem.of("user@test.example"), Map.of(
                "_reply_to", "friend@example.com", "_reply_cc", "cc@example.com", "_reply_from", "user@test.example",
                "_reply_reply_to", "r@test.example", "_reply_subject", "note",
                "_reply_extra_headers", "X-One: 1\nX-Two: 2", "_reply_text", "Line1\nLine2",
                "_reply_file_expand", "false", "_reply_return_message", "false"));
        DeliveryResult r = transport(Map.of()).deliver(delivery(original, reply));
        assertEquals(DeliveryResult.Kind.OK, r.kind());
        assertEquals(List.of("From: user@test.example\nReply-To: r@test.example\nTo: friend@example.com\n"
                + "Cc: cc@example.com\nSubject: note\nIn-Reply-To: <orig1@example.org>\n"
                + "References: <r0@example.org> <orig1@example.org>\nAuto-Submitted: auto-replied\n"
                + "X-One: 1\nX-Two: 2\n\nLine1\nLine2\n"), sent);
        assertEquals(List.of(List.of("friend@example.com", "cc@example.com")), recipients);
    }

    @Test
    void onceSendsOnlyOnceWithinTheRepeatTimeAndLogsBoth() throws Exception {
        AutoreplyTransport t = transport(autoOptions());
        AddressItem auto = AddressItem.of("auto@test.example");
        t.deliver(delivery(ORIGINAL, auto));
        t.deliver(delivery(ORIGINAL, auto));
        assertEquals(1, sent.size());
        assertEquals("2026-11-22 03:04:05\n  From: auto@test.example\n  To: sender@example.org\n"
                + "  Subject: Re: hello auto\n2026-11-22 03:04:05\n  previously sent to sender@example.org\n",
                Files.readString(dir.resolve("auto.log")));
    }

    @Test
    void neverMailRemovesRecipientsAndReturnMessageCopiesTheOriginal() {
        Map<String, String> o = autoOptions();
        o.remove("once");
        o.put("to", "a@x.example, sender@example.org");
        o.put("never_mail", "a@x.example");
        o.put("return_message", "true");
        transport(o).deliver(delivery(ORIGINAL, AddressItem.of("auto@test.example")));
        assertEquals(List.of(List.of("sender@example.org")), recipients);
        assertTrue(sent.get(0).startsWith("From: auto@test.example\nTo: sender@example.org\n"), sent.get(0));
        assertTrue(sent.get(0).endsWith("\n------ This is a copy of the message, including all the headers.\n\n"
                + new String(ORIGINAL, StandardCharsets.ISO_8859_1)), sent.get(0));
        o.put("never_mail", "*@x.example : *@example.org");
        sent.clear();
        transport(o).deliver(delivery(ORIGINAL, AddressItem.of("auto@test.example")));
        assertEquals(List.of(), sent);
    }

    @Test
    void missingFileDefersUnlessOptional() throws Exception {
        Map<String, String> o = autoOptions();
        o.put("file", dir.resolve("nofile").toString());
        DeliveryResult r = transport(o).deliver(delivery(ORIGINAL, AddressItem.of("auto@test.example")));
        assertEquals("Failed to open file " + dir.resolve("nofile") + " when sending message from t_auto transport: "
                + "No such file or directory", r.message());
        o.put("file_optional", "true");
        assertEquals(DeliveryResult.Kind.OK,
                transport(o).deliver(delivery(ORIGINAL, AddressItem.of("auto@test.example"))).kind());
        Files.writeString(dir.resolve("msg"), "Dear $h_from:\n${if bad\n");
        o.put("file", dir.resolve("msg").toString());
        o.put("file_expand", "true");
        o.remove("once");
        sent.clear();
        transport(o).deliver(delivery(ORIGINAL, AddressItem.of("auto@test.example")));
        assertTrue(sent.get(0).endsWith("\nAuto text for auto\nDear sender@example.org\n${if bad\n"), sent.get(0));
    }
}
