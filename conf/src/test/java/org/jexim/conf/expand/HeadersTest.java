package org.jexim.conf.expand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadersTest {
    private static final List<String> HEADERS = List.of(
            "Subject: =?utf-8?q?caf=C3=A9?= menu\n",
            "To: a@example.org\n",
            "to:  b@example.org\n",
            "X-Multi: one\n\ttwo\n",
            "Received: from x\n",
            "Received: from y\n");

    @Test
    void valuesAsEximsFindHeaderGivesThem() {
        assertThat(Headers.value(HEADERS, "subject", HeaderKind.DECODED)).isEqualTo("caf\u00c3\u00a9 menu");
        assertThat(Headers.value(HEADERS, "Subject:", HeaderKind.RAW)).isEqualTo(" =?utf-8?q?caf=C3=A9?= menu\n");
        assertThat(Headers.value(HEADERS, "to", HeaderKind.DECODED)).isEqualTo("a@example.org,\nb@example.org");
        assertThat(Headers.value(HEADERS, "received", HeaderKind.DECODED)).isEqualTo("from x\nfrom y");
        assertThat(Headers.value(HEADERS, "received", HeaderKind.LIST)).isEqualTo(" from x: from y");
        assertThat(Headers.value(HEADERS, "x-multi", HeaderKind.DECODED)).isEqualTo("one\n\ttwo");
        assertThat(Headers.value(HEADERS, "nope", HeaderKind.DECODED)).isNull();
    }

    @Test
    void headerVariablesReachTheContext() throws Exception {
        ExpansionContext ctx = new ExpansionContext() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<String> header(String name, HeaderKind kind) {
                return Optional.ofNullable(Headers.value(HEADERS, name, kind));
            }
        };
        assertThat(Expander.expand("[$h_to:][${if def:h_subject:{y}{n}}][${if def:h_nope:{y}{n}}][$h_nope:]", ctx))
                .isEqualTo("[a@example.org,\nb@example.org][y][n][]");
        assertThat(Expander.parse("$h_subject:").evaluateWithTaint(ctx).tainted()).isTrue();
        Map.of();
    }
}
