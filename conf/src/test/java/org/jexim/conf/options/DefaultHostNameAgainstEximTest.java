package org.jexim.conf.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** primary_hostname's default is the name exim4 finds on this machine (-be once said "localhost" here). */
class DefaultHostNameAgainstEximTest {
    @Test
    void theDefaultIsEximsOnThisMachine() throws Exception {
        Path exim = Path.of("/usr/sbin/exim4");
        assumeTrue(Files.isExecutable(exim), "needs exim4");
        Path conf = Files.createTempFile("hostname", ".conf");
        Files.writeString(conf, "# nothing set\n");
        Process p = new ProcessBuilder(exim.toString(), "-C", conf.toString(), "-be", "${primary_hostname}")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        assertThat(DefaultHostName.primaryHostName()).isEqualTo(out.lines().reduce((a, b) -> b).orElse(""));
    }
}
