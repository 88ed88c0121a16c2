package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.model.RewriteRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acl, retry and rewrite sections parsed into their parts. */
class AclRetryRewriteTest {
    @TempDir
    Path dir;

    @Test
    void aclStatementsKeepVerbConditionsAndModifiersInOrder() throws Exception {
        Configuration c = new ConfigFiles(dir).read("""
                begin acl
                acl_check_rcpt:
                  accept  hosts = :
                          endpass
                          message = local
                  deny    message       = relay not permitted
                         !domains       = +local_domains
                          set acl_m_x = ${local_part}
                  require verify = sender
                  warn
                empty:
                """);
        Acl acl = c.acls().get("acl_check_rcpt");
        assertThat(acl.statements()).extracting(AclStatement::verb)
                .containsExactly(AclVerb.ACCEPT, AclVerb.DENY, AclVerb.REQUIRE, AclVerb.WARN);
        List<AclItem> accept = acl.statements().get(0).items();
        assertThat(accept).extracting(AclItem::name).containsExactly("hosts", "endpass", "message");
        assertThat(accept.get(0).value()).isEqualTo(":");
        assertThat(accept.get(1).modifier()).isTrue();
        List<AclItem> deny = acl.statements().get(1).items();
        assertThat(deny).extracting(AclItem::name).containsExactly("message", "domains", "set");
        assertThat(deny.get(0).modifier()).isTrue();
        assertThat(deny.get(0).value()).isEqualTo("relay not permitted");
        assertThat(deny.get(1).negated()).isTrue();
        assertThat(deny.get(1).modifier()).isFalse();
        assertThat(deny.get(1).value()).isEqualTo("+local_domains");
        assertThat(deny.get(2).value()).isEqualTo("acl_m_x = ${local_part}");
        assertThat(acl.statements().get(3).items()).isEmpty();
        assertThat(c.acls().get("empty").statements()).isEmpty();
        assertThat(acl.statements().get(1).location().line()).isEqualTo(6);
    }

    @Test
    void retryRulesHaveTheirPatternErrorSendersAndTimedParameters() throws Exception {
        Configuration c = new ConfigFiles(dir).read("""
                begin retry
                *.example   rcpt_4xx  senders = "a@b : c@d"  F,2h,15m; G,16h,1h,1.5; h,4d,6h,2
                "* x"       *         F,4d,30m
                """);
        RetryRule first = c.retryRules().get(0);
        assertThat(first.pattern()).isEqualTo("*.example");
        assertThat(first.error()).isEqualTo("rcpt_4xx");
        assertThat(first.senders()).isEqualTo("a@b : c@d");
        assertThat(first.parameters()).containsExactly(
                new RetryRule.Parameters('F', 7200, 900, 0),
                new RetryRule.Parameters('G', 16 * 3600, 3600, 1.5),
                new RetryRule.Parameters('H', 4 * 86400, 6 * 3600, 2));
        RetryRule second = c.retryRules().get(1);
        assertThat(second.pattern()).isEqualTo("* x");
        assertThat(second.error()).isEqualTo("*");
        assertThat(second.senders()).isNull();
    }

    @Test
    void rewriteRulesHavePatternReplacementAndFlags() throws Exception {
        Configuration c = new ConfigFiles(dir).read("""
                begin rewrite
                *@*.example  $1@example.com  FrsT
                ^(.*)@x$     "$1 @y"          S
                a@b          c@d
                """);
        assertThat(c.rewriteRules()).extracting(RewriteRule::pattern, RewriteRule::replacement, RewriteRule::flags)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("*@*.example", "$1@example.com", "FrsT"),
                        org.assertj.core.groups.Tuple.tuple("^(.*)@x$", "$1 @y", "S"),
                        org.assertj.core.groups.Tuple.tuple("a@b", "c@d", ""));
    }
}
