package org.jexim.routing.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.model.RewriteRule;
import org.junit.jupiter.api.Test;

/**
 * Header rewriting at reception, byte for byte as Exim 4.96 does it: the expected lines are
 * those exim4 wrote into its -H spool file for the same rules and the same message (received
 * locally with {@code exim4 -C FILE -odq -bm}, so unqualified addresses are qualified).
 */
class HeaderRewriterTest {
    private static final ExpansionContext NONE = name -> Optional.empty();
    private final Rewriter rewriter = new Rewriter(List.of(
            rule("*@old.example", "$1@new.example", ""),
            rule("jo@test.example", "Jo Bloggs <joe@test.example>", "fw"),
            rule("to@test.example", "a-much-longer-address-than-before@a-long-domain.example", "h")),
            true, NONE, "test.example", "test.example");
    private final HeaderRewriter local = new HeaderRewriter(rewriter, true, true);

    private static RewriteRule rule(String pattern, String replacement, String flags) {
        return new RewriteRule(pattern, replacement, flags, null);
    }

    @Test
    void fromWithWholeRuleAndWildcard() {
        assertEquals("From: Someone <x@new.example>, Jo Bloggs <joe@test.example>\n",
                local.rewrite("From: Someone <x@old.example>, jo@test.example\n"));
    }

    @Test
    void lengthenedAddressesGetExiMsFolding() {
        assertEquals("To: a-much-longer-address-than-before@a-long-domain.example, \n"
                        + "\tother@x.example, a-much-longer-address-than-before@a-long-domain.example, \n"
                        + "\ty@new.example\n",
                local.rewrite("To: to@test.example, other@x.example, to@test.example, y@old.example\n"));
    }

    @Test
    void unqualifiedAddressesAreQualifiedForLocalMessages() {
        assertEquals("Cc: unq@test.example, \"Q\" <a-much-longer-address-than-before@a-long-domain.example>\n",
                local.rewrite("Cc: unq, \"Q\" <to@test.example>\n"));
    }

    @Test
    void groupSyntax() {
        assertEquals("Reply-To: grp: a@new.example, b@b.example;\n",
                local.rewrite("Reply-To: grp: a@old.example, b@b.example;\n"));
    }

    @Test
    void unqualifiedAddressesFromRemoteHostsAreLeftAlone() {
        assertNull(new HeaderRewriter(rewriter, false, false).rewrite("Cc: unq\n"));
    }

    @Test
    void otherHeadersAndUnchangedOnesGiveNull() {
        assertNull(local.rewrite("Subject: x@old.example\n"));
        assertNull(local.rewrite("To: nobody@x.example\n"));
    }

    @Test
    void routerRewriteHeadersChangesTheDomain() {
        assertEquals("To: a@short.example.com, b@other.example\n",
                local.rewrite("To: a@short, b@other.example\n", "short", "short.example.com"));
    }

    @Test
    void envelope() {
        assertEquals("sender@new.example", rewriter.rewriteAddress("sender@old.example", false));
        assertEquals("unq@test.example", rewriter.rewriteAddress("unq", true));
    }
}
