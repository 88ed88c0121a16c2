package org.jexim.scan;

import org.jexim.testkit.Daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code spam} against a scripted spamd: the request Exim sends, the variables as Exim formats them, failures. */
class SpamConditionTest {
    private static final String MSG = "Subject: hi\n\nhello\n";
    private final ScanConditions conditions = new ScanConditions();

    private static ScannedMessage message() {
        return new ScannedMessage(MSG.getBytes(StandardCharsets.US_ASCII));
    }

    private static String reply(String score) {
        return "SPAMD/1.1 0 EX_OK\r\nSpam: False ; " + score + " / 5.0\r\n\r\n"
                + "Content analysis details:   (" + score + " points, 5.0 required)\n\n pts rule name\n---- ----\n\n";
    }

    @Test
    void sendsReportSpamc12AndFormatsTheVariables() throws Exception {
        try (SilentDaemon d = new SilentDaemon(reply("4.4"))) {
            ScannedMessage m = message();
            assertThat(conditions.spam("joe", "127.0.0.1 " + d.port(), m)).isEqualTo(ScanOutcome.FAIL);
            assertThat(d.request).isEqualTo("REPORT SPAMC/1.2\r\nUser: joe\r\nContent-length: 19\r\n\r\n" + MSG);
            assertThat(m.variables()).containsEntry("spam_score", "4.4").containsEntry("spam_score_int", "44")
                    .containsEntry("spam_bar", "++++").containsEntry("spam_action", "no action")
                    .containsEntry("spam_report",
                            "Content analysis details:   (4.4 points, 5.0 required)\n \n  pts rule name\n ---- ----");
        }
    }

    @Test
    void trueOverridesTheScoreAndTheResultIsCachedPerUser() throws Exception {
        try (SilentDaemon d = new SilentDaemon(reply("-2.7"))) {
            ScannedMessage m = message();
            String address = "127.0.0.1 " + d.port();
            assertThat(conditions.spam("nobody:true", address, m)).isEqualTo(ScanOutcome.OK);
            // the daemon answers once only: the second call is served from the cache
            assertThat(conditions.spam("nobody", address, m)).isEqualTo(ScanOutcome.FAIL);
            assertThat(m.variables()).containsEntry("spam_score", "-2.7").containsEntry("spam_score_int", "-26")
                    .containsEntry("spam_bar", "--");
        }
    }

    @Test
    void zeroScoreBarAndSpamAtThreshold() throws Exception {
        try (SilentDaemon d = new SilentDaemon(reply("0.9").replace("/ 5.0", "/ 0.9"))) {
            ScannedMessage m = message();
            assertThat(conditions.spam("nobody", "127.0.0.1 " + d.port(), m)).isEqualTo(ScanOutcome.OK);
            assertThat(m.variables()).containsEntry("spam_bar", "/").containsEntry("spam_action", "reject")
                    .containsEntry("spam_score_int", "9");
        }
    }

    @Test
    void falseOrZeroDoesNotScan() {
        ScannedMessage m = message();
        assertThat(conditions.spam("false", "127.0.0.1 1", m)).isEqualTo(ScanOutcome.FAIL);
        assertThat(conditions.spam("0", "127.0.0.1 1", m)).isEqualTo(ScanOutcome.FAIL);
        assertThat(m.variables()).isEmpty();
    }

    @Test
    void aDownDaemonDefersOrFailsWithDeferOk() throws Exception {
        int port = Daemon.freePort();
        ScannedMessage m = message();
        assertThat(conditions.spam("nobody", "127.0.0.1 " + port, m)).isEqualTo(ScanOutcome.DEFER);
        assertThat(m.lastError()).get().asString().contains("connection to 127.0.0.1 " + port + " failed");
        assertThat(conditions.spam("nobody/defer_ok", "127.0.0.1 " + port, m)).isEqualTo(ScanOutcome.FAIL);
    }

    @Test
    void aHungDaemonDefersAfterTmo() throws Exception {
        try (SilentDaemon d = new SilentDaemon(null)) {
            long start = System.nanoTime();
            ScannedMessage m = message();
            assertThat(conditions.spam("nobody", "127.0.0.1 " + d.port() + " tmo=1s", m))
                    .isEqualTo(ScanOutcome.DEFER);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 5000L);
            assertThat(m.lastError()).get().asString().contains("timeout on read");
        }
    }

    @Test
    void anUnparsableReplyDefers() throws Exception {
        try (SilentDaemon d = new SilentDaemon("SPAMD/1.1 76 Bad header line\r\n")) {
            ScannedMessage m = message();
            assertThat(conditions.spam("nobody", "127.0.0.1 " + d.port(), m)).isEqualTo(ScanOutcome.DEFER);
            assertThat(m.lastError()).get().asString()
                    .isEqualTo("spam acl condition: cannot parse spamd output: SPAMD/1.1 76 Bad header line");
        }
    }
}
