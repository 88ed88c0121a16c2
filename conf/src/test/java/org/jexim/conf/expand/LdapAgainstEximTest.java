package org.jexim.conf.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.lookup.ldap.LdapLookup;
import org.jexim.conf.lookup.ldap.Slapd;
import org.junit.jupiter.api.Test;

/**
 * The ldap, ldapdn and ldapm lookups, $ldap_dn, the ldapauth condition and LDAP quoting: each
 * line of ldap-corpus.txt through Debian's exim4 -be (built with OpenLDAP's libldap) and
 * through jexim's -be, both against the same real slapd started for the test; any
 * disagreement not listed in ldap-known-differences.txt fails.
 */
class LdapAgainstEximTest {
    @Test
    void jeximAgreesWithEximAgainstARealSlapd() throws Exception {
        assumeTrue(Files.isExecutable(ExpansionDifferentialTest.EXIM), "exim4 not installed");
        assumeTrue(Slapd.installed(), "slapd not installed");
        Path dir = ExpansionDifferentialTest.resourceDir();
        Path conf = Files.createTempFile("jexim-ldap", ".conf");
        try (Slapd slapd = Slapd.start()) {
            String people = "ou=people,dc=example,dc=org";
            Files.writeString(conf, Files.readString(dir.resolve("ldap-be.conf")).replace("@LDAP@", slapd.address()),
                    StandardCharsets.ISO_8859_1);
            List<String> corpus = new ArrayList<>();
            for (String l : ExpansionDifferentialTest.lines(dir.resolve("ldap-corpus.txt"), "")) {
                corpus.add(l.replace("@LDAP@", slapd.address()).replace("@PEOPLE@", people)
                        .replace("@SOCKQ@", slapd.socket().replace("/", "%2F")).replace("@SOCK@", slapd.socket()));
            }
            Map<String, String> known = ExpansionDifferentialTest.knownDifferences(
                    dir.resolve("ldap-known-differences.txt"), "");
            byte[] input = ExpansionDifferentialTest.input(corpus);
            List<String> exim = ExpansionDifferentialTest.split(ExpansionDifferentialTest.runExim(conf, input),
                    corpus.size());
            List<String> jexim = ExpansionDifferentialTest.split(ExpansionDifferentialTest.runJexim(conf, input),
                    corpus.size());
            // the oracle really reached the server: its first answer is alice's two addresses
            assertEquals("> alice@example.org,alice.smith@example.org\n", exim.get(0));
            List<String> problems = new ArrayList<>();
            int agree = 0;
            for (int i = 0; i < corpus.size(); i++) {
                String generic = corpus.get(i).replace(slapd.address(), "@LDAP@").replace(people, "@PEOPLE@")
                        .replace(slapd.socket().replace("/", "%2F"), "@SOCKQ@").replace(slapd.socket(), "@SOCK@");
                boolean same = exim.get(i).equals(jexim.get(i));
                if (same) {
                    agree++;
                    if (known.containsKey(generic)) {
                        problems.add("listed as a known difference but agrees now: " + generic);
                    }
                } else if (!known.containsKey(generic)) {
                    problems.add(generic + "\n   exim:  " + exim.get(i).replace("\n", "\\n")
                            + "\n   jexim: " + jexim.get(i).replace("\n", "\\n"));
                }
            }
            System.out.println("ldap corpus: " + corpus.size() + " strings, " + agree + " agree, "
                    + known.size() + " known differences");
            if (!problems.isEmpty()) {
                fail(problems.size() + " disagreements with exim4 -be:\n" + String.join("\n", problems));
            }
        } finally {
            LdapLookup.closeConnections();
            Files.deleteIfExists(conf);
        }
    }
}
