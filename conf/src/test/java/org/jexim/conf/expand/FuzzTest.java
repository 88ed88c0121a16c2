package org.jexim.conf.expand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random and pathological input: only ExpansionException ever comes out, and quickly. */
class FuzzTest {
    private static final String[] PIECES = {"${", "}", "{", "$", "\\", "\\N", "if", "eq", "lookup", "lsearch", "lc:",
        "sg", "match", "^(a", ")", "[", "]", "*", ":", ";", "!", "and", "or", "extract", "map", "reduce", "sort",
        "$item", "$value", "$1", "${1}", "x", " ", "fail", "def:", "h_", "eval:", "1+", "/", "<;", "tr", "substr_",
        "length_", "-1", "json", "inlist", "bool", "listextract", "run", "\n"};

    @Test
    void randomStringsFailCleanly() {
        Random r = new Random(42);
        ExpansionContext ctx = ExpanderTest.context(Map.of("local_part", "x"), Set.of());
        long start = System.nanoTime();
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(25);
            for (int k = 0; k < n; k++) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String s = b.toString();
            if (s.contains("run")) {
                continue;
            }
            try {
                Expander.parseLenient(s).evaluate(ctx);
            } catch (ExpansionException e) {
                // expected for most
            } catch (RuntimeException | StackOverflowError e) {
                unexpected.add(s + " -> " + e);
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
    }

    @Test
    void hugeAndDeepInputsFailCleanly() {
        ExpansionContext ctx = ExpanderTest.context(Map.of(), Set.of());
        String[] inputs = {
            "${lc:".repeat(100000),
            "{".repeat(1000000),
            "${if and{".repeat(20000),
            "${if eq{a}{a}{".repeat(10000) + "x" + "}}".repeat(10000),
            "x".repeat(5_000_000),
            "${sg{" + "a".repeat(100000) + "}{(a|a)*b}{}}",
            "${reduce{" + "1:".repeat(100000) + "}{0}{${eval:$value+$item}}}",
            "${if match{" + "a".repeat(40) + "b}{^(a+)+\\$}{y}{n}}",
            "${sg{" + "a".repeat(40) + "b}{^(a|aa)+\\$}{x}}",
        };
        for (String s : inputs) {
            long start = System.nanoTime();
            try {
                Expander.parseLenient(s).evaluate(ctx);
            } catch (ExpansionException e) {
                assertThat(e.getMessage()).isNotNull();
            }
            assertThat((System.nanoTime() - start) / 1e9).as("time for input of length " + s.length()).isLessThan(20);
        }
    }
}
