package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * log_selector's sender_on_delivery, return_path_on_delivery and queue_time on delivery lines,
 * in Exim 4.96's order; the expected line is the one exim4 wrote for the same delivery
 * ({@code log_selector = +sender_on_delivery +return_path_on_delivery +queue_time}).
 */
class DeliverySelectorsTest {
    @TempDir
    Path spool;

    @Test
    void senderReturnPathAndQueueTimeAsEximWritesThem() throws Exception {
        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(LogSelector.parse("+sender_on_delivery +return_path_on_delivery +queue_time"),
            Optional.empty(), sink, id -> Optional.of(new MessageFacts("alice@example.org", Instant.now())));
        log.delivered(Delivery.local("1xV15U-0004PR-1w", "bob@test.example", "bob@test.example", "local", "mbox"));
        assertThat(sink.main).containsExactly(
            "1xV15U-0004PR-1w => bob <bob@test.example> F=<alice@example.org> P=<alice@example.org> R=local T=mbox QT=0s");
    }

    @Test
    void withoutTheSelectorsTheLineIsThePlainOne() {
        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(LogSelector.defaults(), Optional.empty(), sink,
            id -> Optional.of(new MessageFacts("alice@example.org", Instant.now())));
        log.delivered(Delivery.local("1xV15U-0004PR-1w", "bob@test.example", "bob@test.example", "local", "mbox"));
        assertThat(sink.main).containsExactly("1xV15U-0004PR-1w => bob <bob@test.example> R=local T=mbox");
    }

    @Test
    void factsComeFromTheSpoolsHeaderFile() throws Exception {
        Files.createDirectories(spool.resolve("input"));
        Files.writeString(spool.resolve("input/1xV15U-0004PR-1w-H"), "1xV15U-0004PR-1w-H\nroot 0 0\n<alice@example.org>\n"
            + "1795325408 0\n-received_time_usec .250000\n-ident root\n-received_protocol local\n-body_linecount 1\n"
            + "XX\n1\nbob@test.example\n\n012  Subject: x\n", StandardCharsets.ISO_8859_1);
        MessageFacts facts = MessageFacts.fromSpool(spool).of("1xV15U-0004PR-1w").orElseThrow();
        assertThat(facts.sender()).isEqualTo("alice@example.org");
        assertThat(facts.received()).isEqualTo(Instant.ofEpochSecond(1795325408, 250_000_000));
        assertThat(MessageFacts.timeSince(facts.received(), facts.received().plusSeconds(3723), false)).isEqualTo("1h2m3s");
        assertThat(MessageFacts.timeSince(facts.received(), facts.received().plusMillis(1500), true)).isEqualTo("1.500s");
    }
}
