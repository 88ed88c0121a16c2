package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Exim's log files as written through log4j2: names, timestamps, separation, rotation, msglog. */
class EximLogFilesTest {
    private static final String STAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ";
    @TempDir
    Path spool;

    private List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file);
    }

    @Test
    void linesGoToMainlogRejectlogAndPaniclogUnderTheSpoolWithEximsTimestamp() throws Exception {
        EximLog log = EximLogs.install(LogFilePath.of("", spool), LogSelector.defaults(), Optional.of(spool));
        log.received(Arrival.local("1xUxkK-0006cq-0f", "a@x.org", "root", "local", 279));
        log.rejectedRcpt(SmtpPeer.of("192.0.2.1", 25), "a@x.org", "x@y.example", "relay not permitted");
        log.panic("failed to expand something");
        LoggerFactory.getLogger("org.apache.james.Something").warn("James speaking");

        List<String> main = lines(spool.resolve("log/mainlog"));
        assertThat(main).hasSize(3);
        assertThat(main.get(0)).matches(STAMP + "1xUxkK-0006cq-0f <= a@x.org U=root P=local S=279");
        assertThat(main.get(1)).matches(STAMP + "H=\\[192.0.2.1\\] F=<a@x.org> rejected RCPT <x@y.example>: relay not permitted");
        assertThat(main.get(2)).matches(STAMP + "failed to expand something");
        assertThat(lines(spool.resolve("log/rejectlog"))).singleElement().asString().endsWith("relay not permitted");
        assertThat(lines(spool.resolve("log/paniclog"))).singleElement().asString().endsWith("failed to expand something");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.resolve("log/mainlog")))).isEqualTo("rw-r-----");
        assertThat(lines(spool.resolve("msglog/1xUxkK-0006cq-0f"))).singleElement().asString()
            .matches(STAMP + "Received from a@x.org U=root P=local S=279");
    }

    @Test
    void aLogMovedAwayIsReopenedUnderItsNameAsEximDoes() throws Exception {
        EximLog log = EximLogs.install(LogFilePath.of(spool + "/exim_%s.log", spool), LogSelector.defaults(), Optional.empty());
        log.completed("1xUxkK-0006cq-0f");
        Files.move(spool.resolve("exim_main.log"), spool.resolve("exim_main.log.1"));
        log.completed("1xUxkK-0006dE-0x");
        assertThat(lines(spool.resolve("exim_main.log.1"))).singleElement().asString().endsWith("1xUxkK-0006cq-0f Completed");
        assertThat(lines(spool.resolve("exim_main.log"))).singleElement().asString().endsWith("1xUxkK-0006dE-0x Completed");
        Files.delete(spool.resolve("exim_main.log"));
        log.completed("1xUxkK-0006dX-1C");
        assertThat(lines(spool.resolve("exim_main.log"))).singleElement().asString().endsWith("1xUxkK-0006dX-1C Completed");
    }

    @Test
    void millisecAndPidSelectorsChangeTheTimestamp() throws Exception {
        EximLog log = EximLogs.install(LogFilePath.of("", spool), LogSelector.parse("+millisec +pid"), Optional.empty());
        log.completed("1xUxkK-0006cq-0f");
        assertThat(lines(spool.resolve("log/mainlog"))).singleElement().asString()
            .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[" + ProcessHandle.current().pid() + "\\] 1xUxkK-0006cq-0f Completed");
    }

    @Test
    void datestampedNamesAndThePanicLogsUndatedName() {
        LocalDate day = LocalDate.of(2002, 12, 25);
        Path spoolDir = Path.of("/var/spool/exim");
        assertThat(LogFilePath.of("/var/spool/exim/log/%slog-%D", spoolDir).file("main", day)).hasToString("/var/spool/exim/log/mainlog-20021225");
        assertThat(LogFilePath.of("/var/log/exim-%s-%D.log", spoolDir).file("reject", day)).hasToString("/var/log/exim-reject-20021225.log");
        assertThat(LogFilePath.of("/var/log/exim/%s.%M", spoolDir).file("main", day)).hasToString("/var/log/exim/main.200212");
        assertThat(LogFilePath.of("/var/spool/exim/log/%slog-%D", spoolDir).file("panic", day)).hasToString("/var/spool/exim/log/paniclog");
        assertThat(LogFilePath.of("/var/log/exim-%s-%D.log", spoolDir).file("panic", day)).hasToString("/var/log/exim-panic.log");
        assertThat(LogFilePath.of("/var/spool/exim/log/%D-%slog", spoolDir).file("panic", day)).hasToString("/var/spool/exim/log/paniclog");
        assertThat(LogFilePath.of("/var/log/exim/%s.%M", spoolDir).file("panic", day)).hasToString("/var/log/exim/panic");
        assertThat(LogFilePath.of("syslog : /var/log/exim4/%slog", spoolDir).file("main", day)).hasToString("/var/log/exim4/mainlog");
        assertThat(LogFilePath.of(null, spoolDir).file("main", day)).hasToString("/var/spool/exim/log/mainlog");
    }
}
