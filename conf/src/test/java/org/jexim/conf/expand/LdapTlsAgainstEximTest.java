package org.jexim.conf.expand;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.conf.lookup.ldap.LdapLookup;
import org.jexim.conf.lookup.ldap.Slapd;
import org.junit.jupiter.api.Test;

/**
 * LDAP over TLS (ldaps:// and ldap_start_tls) with ldap_ca_cert_file, ldap_ca_cert_dir and
 * ldap_require_cert, against a real slapd with a certificate from its own CA: each
 * configuration's strings through exim4 -be and jexim's -be; any disagreement not listed in
 * ldap-tls-known-differences.txt fails. @TLS@ and @LDAP@ are the ldaps and plain host:port,
 * @CA@ the CA file, @CADIR@ the directory holding it.
 */
class LdapTlsAgainstEximTest {
    private static final String ALICE = "uid=alice,ou=people,dc=example,dc=org";
    private static final List<String> STRINGS = List.of(
            "${lookup ldap{ldaps://@TLS@/" + ALICE + "?sn}}",
            "${lookup ldap{ldap://@LDAP@/" + ALICE + "?sn}}",
            "${if ldapauth{USER=" + ALICE + " PASS=alicepw ldaps://@TLS@/}{y}{n}}",
            "${if ldapauth{USER=" + ALICE + " PASS=alicepw ldap://@LDAP@/}{y}{n}}");

    /** The configurations tried, as main option lines. */
    private static final List<String> CONFIGS = List.of(
            "ldap_ca_cert_file = @CA@",
            "ldap_ca_cert_dir = @CADIR@",
            "",
            "ldap_require_cert = never",
            "ldap_require_cert = allow",
            "ldap_ca_cert_file = @CA@\nldap_require_cert = demand",
            "ldap_ca_cert_file = @CA@\nldap_start_tls",
            "ldap_require_cert = never\nldap_start_tls",
            "ldap_start_tls");

    @Test
    void jeximAgreesWithEximOverTls() throws Exception {
        assumeTrue(Files.isExecutable(ExpansionDifferentialTest.EXIM), "exim4 not installed");
        assumeTrue(Slapd.installed(), "slapd not installed");
        Path dir = ExpansionDifferentialTest.resourceDir();
        Map<String, String> known = ExpansionDifferentialTest.knownDifferences(
                dir.resolve("ldap-tls-known-differences.txt"), "");
        Path conf = Files.createTempFile("jexim-ldaptls", ".conf");
        List<String> problems = new ArrayList<>();
        int agree = 0;
        int total = 0;
        try (Slapd slapd = Slapd.startWithTls()) {
            byte[] input = ExpansionDifferentialTest.input(STRINGS.stream()
                    .map(s -> s.replace("@TLS@", slapd.tlsAddress()).replace("@LDAP@", slapd.address())).toList());
            for (String options : CONFIGS) {
                Files.writeString(conf, "primary_hostname = mail.example.org\n"
                        + options.replace("@CADIR@", slapd.caFile().getParent().toString())
                                .replace("@CA@", slapd.caFile().toString()) + "\n");
                // each exim4 -be is a new process: so is jexim's connection cache
                LdapLookup.closeConnections();
                List<String> exim = ExpansionDifferentialTest.split(ExpansionDifferentialTest.runExim(conf, input),
                        STRINGS.size());
                List<String> jexim = ExpansionDifferentialTest.split(ExpansionDifferentialTest.runJexim(conf, input),
                        STRINGS.size());
                for (int i = 0; i < STRINGS.size(); i++) {
                    total++;
                    String key = options.replace("\n", " / ") + " :: " + STRINGS.get(i);
                    String e = exim.get(i).replace(slapd.tlsAddress(), "@TLS@").replace(slapd.address(), "@LDAP@");
                    String j = jexim.get(i).replace(slapd.tlsAddress(), "@TLS@").replace(slapd.address(), "@LDAP@");
                    if (e.equals(j)) {
                        agree++;
                        if (known.containsKey(key)) {
                            problems.add("listed as a known difference but agrees now: " + key);
                        }
                    } else if (!known.containsKey(key)) {
                        problems.add(key + "\n   exim:  " + e.replace("\n", "\\n") + "\n   jexim: " + j.replace("\n", "\\n"));
                    }
                }
            }
        } finally {
            LdapLookup.closeConnections();
            Files.deleteIfExists(conf);
        }
        System.out.println("ldap tls: " + total + " strings, " + agree + " agree");
        if (!problems.isEmpty()) {
            fail(problems.size() + " disagreements with exim4 -be:\n" + String.join("\n", problems));
        }
    }
}
