package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.jexim.queue.SpoolDataLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message being worked on (its -D file locked) is left alone, by jexim and by exim4 alike. */
class MessageLockTest {
    @TempDir
    Path dir;

    @Test
    void aLockedMessageIsNotTouched() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        String id = spool.jeximMessage("a@example.org", "Subject: x\r\n\r\nx\r\n", "b@example.org");
        try (SpoolDataLock lock = SpoolDataLock.tryLock(spool.spool.resolve("input/" + id + "-D")).orElseThrow()) {
            assertThat(spool.jexim("-Mf", id)).isEqualTo(new ScratchSpool.Result("Message " + id + " is locked\n", "", 1));
            assertThat(spool.jexim("-Mrm", id).out()).isEqualTo("Message " + id + " is locked\n");
            if (ScratchSpool.eximUsable()) {
                // fcntl locks are per process: exim4 sees jexim's lock
                assertThat(spool.exim("-Mf", id).out()).isEqualTo("Message " + id + " is locked\n");
            }
        }
        assertThat(spool.jexim("-Mf", id).out()).isEqualTo("Message " + id + " is now frozen\n");
    }

    @Test
    void theLockIsExclusiveWithinOneProcess() throws Exception {
        ScratchSpool spool = new ScratchSpool(dir);
        String id = spool.jeximMessage("a@example.org", "Subject: x\r\n\r\nx\r\n", "b@example.org");
        Path data = spool.spool.resolve("input/" + id + "-D");
        try (SpoolDataLock first = SpoolDataLock.tryLock(data).orElseThrow()) {
            assertThat(SpoolDataLock.tryLock(data)).isEqualTo(Optional.empty());
        }
        try (SpoolDataLock again = SpoolDataLock.tryLock(data).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }
}
