package org.jexim.conf.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jexim.conf.model.ListKind;
import org.junit.jupiter.api.Test;

class ListsTest {
    private final ListEnv env = ListEnv.of(NamedLists.of(Map.of(
            ListKind.DOMAIN, Map.of("local_domains", "@ : localhost : example.org"),
            ListKind.HOST, Map.of("relay", "<; 127.0.0.1 ; 10.0.0.0/8 ; 2001:db8::/32"))), "mail.example.org");

    @Test
    void domainListsWithNamedListsAtAndWildcards() {
        assertThat(Lists.domain("example.org", "+local_domains", env).matched()).isTrue();
        assertThat(Lists.domain("MAIL.example.org", "+local_domains", env).matched()).isTrue();
        assertThat(Lists.domain("other.org", "+local_domains", env).matched()).isFalse();
        ListMatch m = Lists.domain("a.b.example.com", "!x.example.com : *.example.com", env);
        assertThat(m.matched()).isTrue();
        assertThat(m.value()).isEqualTo("*.example.com");
        assertThat(m.captures()).containsExactly("a.b.example.com", "a.b");
        assertThat(Lists.domain("x.example.com", "!x.example.com : *.example.com", env).matched()).isFalse();
        assertThat(Lists.domain("x.y", "+nosuch", env).deferred()).isTrue();
    }

    @Test
    void hostListsWithCidrForBothFamilies() {
        assertThat(Lists.host("10.1.2.3", "", "+relay", env).matched()).isTrue();
        assertThat(Lists.host("2001:db8::7", "", "+relay", env).matched()).isTrue();
        assertThat(Lists.host("::ffff:127.0.0.1", "", "+relay", env).matched()).isTrue();
        assertThat(Lists.host("11.0.0.1", "", "+relay", env).matched()).isFalse();
        assertThat(Lists.host("11.0.0.1", "", "! 11.0.0.1 : *", env).matched()).isFalse();
        assertThat(Lists.host("1.2.3.4", "host.example", "*.example", env).matched()).isTrue();
    }

    @Test
    void localPartAndAddressLists() {
        assertThat(Lists.localPart("Postmaster", "postmaster : abuse", env, true).matched()).isTrue();
        assertThat(Lists.localPart("Postmaster", "postmaster", env, false).matched()).isFalse();
        assertThat(Lists.address("Bob@Example.ORG", "bob@example.org", env, true).matched()).isTrue();
        assertThat(Lists.address("x@sub.example.org", "*@*.example.org", env, true).matched()).isTrue();
        assertThat(Lists.address("x@a.b", "^x@", env, true).matched()).isTrue();
    }

    @Test
    void listSyntaxSeparatorsAndDoubling() {
        assertThat(ExiList.items("a : b::c : d")).containsExactly("a", "b:c", "d");
        assertThat(ExiList.items("<; a;b:c ; d")).containsExactly("a", "b:c", "d");
        assertThat(ExiList.items("a::")).containsExactly("a:");
        assertThat(ExiList.items(" ")).isEmpty();
        assertThat(ExiList.items("a : : b")).containsExactly("a", "", "b");
    }

    @Test
    void namedListResultsAreCachedPerEnvironmentButNotForExpandedLists() {
        int[] expansions = {0};
        java.util.Map<String, Object> cache = new java.util.HashMap<>();
        ListEnv cached = new ListEnv() {
            @Override
            public NamedLists namedLists() {
                return env.namedLists();
            }

            @Override
            public org.jexim.conf.lookup.Lookups lookups() {
                return env.lookups();
            }

            @Override
            public org.jexim.conf.lookup.LookupEnv lookupEnv() {
                return env.lookupEnv();
            }

            @Override
            public String primaryHostname() {
                return "mail.example.org";
            }

            @Override
            public java.util.Map<String, Object> namedListCache() {
                return cache;
            }

            @Override
            public String expandNamedList(String list) {
                expansions[0]++;
                return list;
            }
        };
        assertThat(Lists.domain("example.org", "+local_domains", cached).value()).isEqualTo("example.org");
        assertThat(Lists.domain("example.org", "+local_domains", cached).value()).isEqualTo("example.org");
        assertThat(expansions[0]).isEqualTo(1);
        assertThat(Lists.domain("other.org", "+local_domains", cached).matched()).isFalse();
        assertThat(expansions[0]).isEqualTo(2);
    }
}
