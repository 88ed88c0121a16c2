package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Called as mailq (the ./jexim script passes its name as jexim.argv0), jexim lists the queue. */
class MailqTest {
    @AfterEach
    void forgetTheName() {
        System.clearProperty("jexim.argv0");
    }

    @Test
    void mailqMeansMinusBp() throws Exception {
        System.setProperty("jexim.argv0", "mailq");
        assertThat(Main.parse(new String[] {"-C", "/etc/some/configure"}).mode()).isEqualTo("-bp");
        assertThat(Main.parse(new String[] {"-bpc"}).mode()).isEqualTo("-bpc");
        System.setProperty("jexim.argv0", "jexim");
        assertThat(Main.parse(new String[] {"-C", "/etc/some/configure"}).mode()).isNull();
    }
}
