package org.jexim.conf.expand;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaintTest {
    private final ExpansionContext ctx = ExpanderTest.context(
            Map.of("local_part", "../../etc/passwd", "domain", "example.org"), Set.of("local_part"));

    @Test
    void transportsRefuseTaintedFileNamesAndCommandsWithEximsMessages() throws Exception {
        Expansion.Result file = Expander.parse("/var/mail/$local_part").evaluateWithTaint(ctx);
        assertThatThrownBy(() -> Taint.checkFileName(file, "local_delivery")).hasMessage(
                "Tainted '/var/mail/../../etc/passwd' (file or directory name for local_delivery transport) not permitted");
        Expansion.Result cmd = Expander.parse("/bin/deliver $local_part").evaluateWithTaint(ctx);
        assertThatThrownBy(() -> Taint.checkCommand(cmd, "address_pipe"))
                .hasMessage("Tainted '/bin/deliver ../../etc/passwd' (command for address_pipe transport) not permitted");
    }

    @Test
    void taintedFileNamesAreRefusedByLookupsAndReadfile(@TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> Expander.expand("${lookup{x}lsearch{/tmp/$local_part}}", ctx))
                .hasMessageContaining("Tainted");
        assertThatThrownBy(() -> Expander.expand("${readfile{/tmp/$local_part}}", ctx))
                .hasMessage("failed to open /tmp/../../etc/passwd: Permission denied");
        assertThatThrownBy(() -> Expander.expand("${expand:$local_part}", ctx))
                .hasMessageContaining("attempt to expand tainted string");
    }
}
