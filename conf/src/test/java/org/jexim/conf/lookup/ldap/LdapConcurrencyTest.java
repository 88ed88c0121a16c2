package org.jexim.conf.lookup.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jexim.conf.lookup.LookupEnv;
import org.jexim.conf.lookup.LookupType;
import org.junit.jupiter.api.Test;

/**
 * Lookups and ldapauth binds from many threads at once (SMTP sessions in the server) each get
 * their own answer: a cached connection is never shared, and a bind of one thread never
 * changes the identity another thread searches with.
 */
class LdapConcurrencyTest {
    @Test
    void concurrentLookupsAndBindsGetTheirOwnAnswers() throws Exception {
        assumeTrue(Slapd.installed(), "slapd not installed");
        LookupEnv env = name -> Optional.empty();
        LookupType ldap = LdapLookup.types().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Slapd slapd = Slapd.start()) {
            String people = "ou=people,dc=example,dc=org";
            Map<String, String> sn = Map.of("alice", "Smith", "bob", "Jones");
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String user = i % 8 < 4 ? "alice" : "bob";
                int kind = i % 4;
                results.add(pool.submit(() -> {
                    if (kind == 1) {
                        // a bind as the mailer account, which may read passwords
                        return ldap.find(null, "USER=cn=mailer,dc=example,dc=org PASS=mailerpw ldap://"
                                + slapd.address() + "/uid=bob," + people + "?userPassword", null, env);
                    }
                    if (kind == 3) {
                        boolean ok = LdapLookup.authenticate("USER=uid=" + user + "," + people + " PASS="
                                + (user.equals("alice") ? "alicepw" : "wrong") + " ldap://" + slapd.address() + "/", env);
                        return Boolean.toString(ok);
                    }
                    // anonymous: must never see a password, whatever other threads bound as
                    return ldap.find(null, "ldap://" + slapd.address() + "/uid=" + user + "," + people
                            + "?sn,userPassword", null, env);
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                String user = i % 8 < 4 ? "alice" : "bob";
                String expected = switch (i % 4) {
                    case 1 -> "bobpw";
                    case 3 -> Boolean.toString(user.equals("alice"));
                    default -> "sn=\"" + sn.get(user) + "\"";
                };
                assertThat(results.get(i).get()).as("request " + i).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
            LdapLookup.closeConnections();
        }
    }
}
