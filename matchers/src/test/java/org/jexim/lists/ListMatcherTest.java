package org.jexim.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.model.ListKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ListMatcherTest {
    public static final ListContext CONTEXT = new ListContext() {
        final Map<String, String> lists = Map.of(
                "domainlist:local_domains", "@ : localhost",
                "hostlist:relay_from_hosts", "<; 127.0.0.1 ; ::1",
                "domainlist:loop", "+loop");

        @Override
        public Optional<String> namedList(ListKind kind, String name) {
            return Optional.ofNullable(lists.get(kind.keyword() + ":" + name));
        }

        @Override
        public String primaryHostname() {
            return "mail.example.org";
        }
    };

    @Test
    void domainsWithAtNamedListsNegationWildcardsAndRegex() throws Exception {
        ListMatcher m = ListMatcher.domains(CONTEXT);
        assertThat(m.match("+local_domains", "LOCALHOST").matched()).isTrue();
        assertThat(m.match("+local_domains", "mail.example.org").matched()).isTrue();
        assertThat(m.match("+local_domains", "example.org").matched()).isFalse();
        assertThat(m.match("! +local_domains", "example.org").matched()).isTrue();
        assertThat(m.match("! +local_domains", "localhost").matched()).isFalse();
        assertThat(m.match("! a.example : b.example", "c.example").matched()).isFalse();
        assertThat(m.match("! +local_domains : *", "example.org").matched()).isTrue();
        assertThat(m.match("! +local_domains : *", "localhost").matched()).isFalse();
        assertThat(m.match("*.example.org", "a.example.org").matched()).isTrue();
        assertThat(m.match("^a\\d+\\.example", "a12.example").matched()).isTrue();
        assertThat(m.match("", "localhost").matched()).isFalse();
    }

    @Test
    void localPartsWithRegexesAsInTheDefaultAcl() throws Exception {
        ListMatcher m = ListMatcher.localParts(CONTEXT);
        assertThat(m.match("^[.] : ^.*[@%!/|]", ".a").matched()).isTrue();
        assertThat(m.match("^[.] : ^.*[@%!/|]", "a|b").matched()).isTrue();
        assertThat(m.match("^[.] : ^.*[@%!/|]", "a.b").matched()).isFalse();
        assertThat(m.match("postmaster", "Postmaster").matched()).isTrue();
    }

    @Test
    void hostsWithEmptyItemIpv6SeparatorAndCidr() throws Exception {
        ListMatcher m = ListMatcher.hosts(CONTEXT);
        assertThat(m.match(":", null).matched()).isTrue();
        assertThat(m.match(":", "127.0.0.1").matched()).isFalse();
        assertThat(m.match("+relay_from_hosts", "127.0.0.1").matched()).isTrue();
        assertThat(m.match("+relay_from_hosts", "127.0.0.2").matched()).isFalse();
        assertThat(m.match("+relay_from_hosts", "::1").matched()).isTrue();
        assertThat(m.match("10.0.0.0/8", "10.1.2.3").matched()).isTrue();
        assertThat(m.match("10.0.0.0/8", "11.1.2.3").matched()).isFalse();
        assertThat(m.match("<; 2001:db8::/32", "2001:db8::5").matched()).isTrue();
        assertThat(m.match("localhost", "127.0.0.1").matched()).isTrue();
    }

    @Test
    void lsearchItemsGiveTheirValueAsData(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "# users\njexim: jexim\nAlice:   alice.w\n");
        ListMatcher m = ListMatcher.localParts(CONTEXT);
        assertThat(m.match("lsearch;" + users, "alice").data()).contains("alice.w");
        assertThat(m.match("lsearch;" + users, "bob").matched()).isFalse();
    }

    @Test
    void unknownAndSelfReferringNamedListsAreErrors() {
        ListMatcher m = ListMatcher.domains(CONTEXT);
        assertThatThrownBy(() -> m.match("+nosuch", "a")).hasMessage("unable to complete match against \"+nosuch\"");
        assertThatThrownBy(() -> m.match("+loop", "a")).hasMessageStartingWith("unable to complete match against \"+loop\"");
    }
}
