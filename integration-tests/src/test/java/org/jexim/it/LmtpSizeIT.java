package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jexim.testkit.DovecotLmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lmtp transport's S= (log_selector delivery_size) against Exim 4.96: exim4 -bd and jexim -bd
 * on src/test/resources/delivery/configure with -DSIZES and -DLMTP_SOCKET, both delivering to a
 * real Dovecot LMTP server; a message with dot-stuffed lines and one without a final newline
 * give the same => lines, S= and the LMTP reply (C=, which Exim logs for lmtp) included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmtpSizeIT {
    DovecotLmtp dovecot;
    RelayingPair pair;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RelayingPair.available() && DovecotLmtp.available(), "needs exim4, dovecot-lmtpd and root");
        dovecot = DovecotLmtp.start();
        pair = RelayingPair.on("/delivery/configure", "SIZES", "LMTP_SOCKET=" + dovecot.socket());
        pair.sendAs("sender@example.org", "alice@delivery.example",
                List.of("--header", "Subject: dots", "--body", "first\n.second starts with a dot\n..two\nlast\n"));
        pair.sendAs("sender@example.org", "alice@delivery.example",
                List.of("--header", "Subject: short", "--body", "x"));
        MainLogs.waitForLines("=> alice", 2, pair.exim, pair.jexim);
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    /** The lines, Dovecot's queue id in its reply masked. */
    private static List<String> lines(Path dir) throws Exception {
        return MainLogs.lines(dir, "=>|==|\\*\\*", DeliveryDifferentialIT::mask).stream()
                .map(l -> l.replaceAll("> \\S+ Saved", "> DOVECOT-ID Saved")).toList();
    }

    @Test
    void bothLogTheSameSizes() throws Exception {
        List<String> e = lines(pair.exim);
        assertThat(e).hasSize(2).allMatch(l -> l.matches("MESSAGEID => alice <alice@delivery.example> R=lmtp_user "
                + "T=to_lmtp S=[0-9]+ C=\"250 2.0.0 <alice@delivery.example> DOVECOT-ID Saved\""));
        assertThat(lines(pair.jexim)).isEqualTo(e);
    }
}
