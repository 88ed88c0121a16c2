package org.jexim.conf.expand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExpanderTest {
    /** A context with a few variables, some tainted. */
    static ExpansionContext context(Map<String, String> vars, Set<String> tainted) {
        return new ExpansionContext() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(vars.get(name));
            }

            @Override
            public boolean tainted(String name) {
                return tainted.contains(name);
            }
        };
    }

    @Test
    void parsesOnceAndEvaluatesAgainstDifferentContexts() throws Exception {
        Expansion e = Expander.parse("${if eq{$local_part}{postmaster}{root}{${lc:$local_part}}}@$domain");
        assertThat(e.evaluate(context(Map.of("local_part", "postmaster", "domain", "a.b"), Set.of())))
                .isEqualTo("root@a.b");
        assertThat(e.evaluate(context(Map.of("local_part", "Fred", "domain", "c.d"), Set.of())))
                .isEqualTo("fred@c.d");
        assertThat(e.text()).startsWith("${if");
    }

    @Test
    void syntaxErrorsAreReportedAtParseTimeWithEximsWording() {
        assertThatThrownBy(() -> Expander.parse("${if eq{a}{b}")).isInstanceOf(ExpansionException.class)
                .hasMessage("curly-bracket problem in conditional yes/no parsing: 'yes' part did not start with '{'\n"
                        + " remaining string is ''");
        assertThatThrownBy(() -> Expander.parse("${frob:x}")).hasMessage("unknown expansion operator \"frob\"");
        assertThatThrownBy(() -> Expander.parse("$nosuchvar")).hasMessage("unknown variable name \"nosuchvar\"");
    }

    @Test
    void unknownVariablesInBranchesNotTakenStillFailLikeExim() {
        assertThatThrownBy(() -> Expander.parse("${if eq{a}{b}{$nosuch}{x}}"))
                .hasMessage("unknown variable name \"nosuch\"");
    }

    @Test
    void forcedFailureIsFlagged() throws Exception {
        Expansion e = Expander.parse("${if eq{a}{b}{x}fail}");
        assertThatThrownBy(() -> e.evaluate(context(Map.of(), Set.of())))
                .isInstanceOfSatisfying(ExpansionException.class, x -> assertThat(x.forced()).isTrue())
                .hasMessage("\"if\" failed and \"fail\" requested");
    }

    @Test
    void taintFollowsVariablesButNotLookupResults() throws Exception {
        ExpansionContext ctx = context(Map.of("local_part", "bob", "domain", "x"), Set.of("local_part"));
        assertThat(Expander.parse("/var/mail/$local_part").evaluateWithTaint(ctx).tainted()).isTrue();
        assertThat(Expander.parse("/var/mail/${lc:$local_part}").evaluateWithTaint(ctx).tainted()).isTrue();
        assertThat(Expander.parse("/var/mail/$domain").evaluateWithTaint(ctx).tainted()).isFalse();
        assertThat(Expander.parse("${if eq{$local_part}{bob}{fixed}{other}}").evaluateWithTaint(ctx).tainted())
                .isFalse();
    }

    @Test
    void evaluationIsThreadSafe() throws Exception {
        Expansion e = Expander.parse("${if match{$local_part}{^(.)(.*)\\$}{$2$1}{x}}-${sg{$local_part}{o}{0}}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final String lp = "foo" + t;
                results.add(pool.submit(() -> {
                    ExpansionContext ctx = context(Map.of("local_part", lp), Set.of());
                    String want = lp.substring(1) + "f-f00" + lp.substring(3);
                    for (int i = 0; i < 2000; i++) {
                        if (!e.evaluate(ctx).equals(want)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badInputFailsCleanly() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            deep.append("${lc:");
        }
        Expansion e = Expander.parseLenient(deep.toString());
        assertThatThrownBy(() -> e.evaluate(context(Map.of(), Set.of()))).isInstanceOf(ExpansionException.class);
        assertThatThrownBy(() -> Expander.parse("${if match{a}{(}}").evaluate(context(Map.of(), Set.of())))
                .hasMessage("regular expression error in \"(\": missing closing parenthesis at offset 1");
        assertThatThrownBy(() -> Expander.parse("${lc:abc")).hasMessage("missing } at end of string");
    }
}
