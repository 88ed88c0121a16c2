package org.jexim.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retry and wait hint files: what one delivery writes, another (or another process) reads. */
class RetryHintFilesTest {
    @TempDir
    Path dir;

    @Test
    void addressRecordsAreKeptUnderEximsKeysAndSeenByAnotherReader() throws Exception {
        Path file = dir.resolve("db/jexim-retry");
        HostRetryHints db = HostRetryHints.at(file);
        Instant t = Instant.ofEpochSecond(1_800_000_000L);
        db.put(new HostRetryHints.Hint(RetryKeys.routingDomain("later.example"), -1, "domain not ready", t, t, t.plusSeconds(900)));
        db.put(new HostRetryHints.Hint(RetryKeys.addressWithSender("a@r.example", "s@d.example"), -44, "451 later", t, t,
                t.plusSeconds(900)));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "R:later.example -1 1800000000 1800000000 1800000900 domain not ready\n"
                + "R:a@r.example:<s@d.example> -44 1800000000 1800000000 1800000900 451 later\n");
        assertThat(new HostRetryHints(file).get("R:later.example")).map(HostRetryHints.Hint::errno).contains(-1);
        db.removeAll(java.util.List.of("R:later.example", "T:nothing"));
        assertThat(new HostRetryHints(file).all()).extracting(HostRetryHints.Hint::key)
                .containsExactly("R:a@r.example:<s@d.example>");
    }

    @Test
    void aChangeByAnotherProcessIsSeenDespiteTheCache() throws Exception {
        Path file = dir.resolve("db/jexim-retry");
        HostRetryHints db = HostRetryHints.at(file);
        Instant t = Instant.ofEpochSecond(1_800_000_000L);
        db.put(new HostRetryHints.Hint("T:x@y", 0, "first", t, t, t.plusSeconds(60)));
        assertThat(db.get("T:x@y")).isPresent();
        Files.writeString(file, "T:x@y 0 1800000000 1800000000 1800000060 rewritten\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(t.plusSeconds(5)));
        assertThat(db.get("T:x@y")).map(HostRetryHints.Hint::message).contains("rewritten");
    }

    @Test
    void waitingMessagesPerHost() throws Exception {
        Path file = dir.resolve("db/jexim-wait-remote_smtp");
        HostWaits waits = HostWaits.at(file);
        waits.add("mx.example", "1aaaaa-000001-AA");
        waits.add("mx.example", "1aaaaa-000002-AA");
        assertThat(waits.waiting("mx.example", "1aaaaa-000001-AA")).isTrue();
        assertThat(waits.othersWaiting("mx.example", "1aaaaa-000001-AA")).isTrue();
        waits.remove("mx.example", "1aaaaa-000002-AA");
        assertThat(waits.othersWaiting("mx.example", "1aaaaa-000001-AA")).isFalse();
        assertThat(Files.readString(file)).isEqualTo("mx.example 1aaaaa-000001-AA\n");
        assertThat(HostWaits.at(null).waiting("mx.example", "1aaaaa-000001-AA")).isFalse();
    }
}
