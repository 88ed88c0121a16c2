package org.jexim.conf.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.junit.jupiter.api.Test;

class InlineAclsTest {
    @Test
    void inlineAclTextBecomesStatementsWithConditionsAndModifiers() {
        List<AclStatement> s = InlineAcls.parse("deny local_parts = reject\\n accept logwrite = rcpt acl: x=1 !hosts = : ", null);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).verb()).isEqualTo(AclVerb.DENY);
        assertThat(s.get(0).items()).containsExactly(new AclItem("local_parts", false, false, "reject", null));
        assertThat(s.get(1).verb()).isEqualTo(AclVerb.ACCEPT);
        assertThat(s.get(1).items()).containsExactly(
                new AclItem("logwrite", false, true, "rcpt acl: x=1", null),
                new AclItem("hosts", true, false, ":", null));
        assertThat(InlineAcls.parse("accept", null)).containsExactly(new AclStatement(AclVerb.ACCEPT, List.of(), null));
    }
}
