package org.jexim.conf.expand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PcreTest {
    private static boolean find(String re, String s) throws Pcre.RegexError {
        return Pcre.compile(re, false).matcher(s).find();
    }

    @Test
    void pcreClassSyntaxThatJavaReadsDifferently() throws Exception {
        assertThat(find("^[]a]+$", "a]a")).isTrue();
        assertThat(find("^[[]$", "[")).isTrue();
        assertThat(find("^[a&&b]+$", "a&b")).isTrue();
        assertThat(find("^[[:alpha:]]+$", "abc")).isTrue();
        assertThat(find("^[[:^digit:]]+$", "abc")).isTrue();
        assertThat(find("a{", "a{")).isTrue();
        assertThat(find("^(?P<x>a)(?P=x)$", "aa")).isTrue();
        assertThat(find("^(a)\\g{1}$", "aa")).isTrue();
        assertThat(find("^a(?#comment)b$", "ab")).isTrue();
        assertThat(find("^.$", "\r")).isTrue();
    }

    @Test
    void pcreErrorMessagesForCommonMistakes() {
        assertThatThrownBy(() -> Pcre.compile("ab(", false)).hasMessage("missing closing parenthesis");
        assertThatThrownBy(() -> Pcre.compile("ab)", false)).hasMessage("unmatched closing parenthesis");
        assertThatThrownBy(() -> Pcre.compile("[ab", false)).hasMessage("missing terminating ] for character class");
        assertThatThrownBy(() -> Pcre.compile("*a", false)).hasMessage("quantifier does not follow a repeatable item");
    }

    @Test
    void constructsJavaCannotExpressAreRefusedByName() {
        assertThatThrownBy(() -> Pcre.compile("a\\Kb", false)).hasMessageContaining("\\K is not supported");
        assertThatThrownBy(() -> Pcre.compile("(a|(?R))", false)).hasMessageContaining("recursion is not supported");
        assertThatThrownBy(() -> Pcre.compile("(?(1)a|b)", false)).hasMessageContaining("conditional groups");
        assertThatThrownBy(() -> Pcre.compile("(?|(a)|(b))", false)).hasMessageContaining("branch reset");
    }
}
