package org.jexim.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexim.acl.AclEffects;
import org.junit.jupiter.api.Test;

/** add_header and remove_header applied to a message as -bs reads it (lines), as the server applies them. */
class AddedHeadersTest {
    @Test
    void removalsTakeWholeFoldedHeadersAndAdditionsGoWhereAsked() {
        AclEffects effects = new AclEffects();
        effects.removeHeader("X-Remove");
        effects.addHeader("X-End: e\n", AclEffects.Placement.AT_END);
        effects.addHeader("X-Top: t\n", AclEffects.Placement.AT_START);
        List<String> lines = List.of("Subject: s", "X-Remove: gone", "\tfolded", "From: a@b.example", "", "body", "X-Remove: body");
        assertThat(AddedHeaders.apply(effects, lines)).containsExactly("X-Top: t", "Subject: s", "From: a@b.example",
                "X-End: e", "", "body", "X-Remove: body");
    }

    @Test
    void nothingAskedLeavesTheLinesAlone() {
        List<String> lines = List.of("Subject: s", "", "body");
        assertThat(AddedHeaders.apply(new AclEffects(), lines)).isSameAs(lines);
    }
}
