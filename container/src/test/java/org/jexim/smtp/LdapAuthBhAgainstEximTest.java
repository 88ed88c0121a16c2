package org.jexim.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jexim.conf.lookup.ldap.LdapLookup;
import org.jexim.conf.lookup.ldap.Slapd;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.log.EximLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP AUTH checked against an LDAP directory, the way Exim's documentation shows it (a
 * plaintext authenticator whose server_condition is an ldapauth bind; the RCPT ACL reads the
 * user's mail address with an ldap lookup): the same sessions through exim4 -bh and jexim's
 * -bh engine against a real slapd, every reply and log line compared.
 */
class LdapAuthBhAgainstEximTest {
    private static final String PEOPLE = "ou=people,dc=example,dc=org";

    @TempDir
    Path tmp;

    @Test
    void ldapAuthenticationAgreesWithExim() throws Exception {
        assumeTrue(Files.isExecutable(EximSessions.EXIM), "exim4 not installed");
        assumeTrue(Slapd.installed(), "slapd not installed");
        try (Slapd slapd = Slapd.start()) {
            Path conf = tmp.resolve("ldapauth.conf");
            Files.writeString(conf, configure("ldap://" + slapd.address() + "/"));
            // the same authenticator, its directory down: a DEFER of the condition
            Path down = tmp.resolve("down.conf");
            Files.writeString(down, configure("ldap://127.0.0.1:1/"));
            List<String> scripts = List.of(
                    session("AUTH PLAIN AGFsaWNlAGFsaWNlcHc="),
                    session("AUTH PLAIN AGFsaWNlAHdyb25n"),
                    session("AUTH PLAIN AGJvYgBib2Jwdw=="),
                    session("AUTH PLAIN AGNhcm9sLCBqcgB4"),
                    session("AUTH PLAIN AGFsaWNlAA=="),
                    session("AUTH PLAIN AG5vYm9keQBwdw=="),
                    session("AUTH LOGIN\r\nYWxpY2U=\r\nYWxpY2Vwdw=="));
            List<String> problems = new ArrayList<>();
            for (Path c : List.of(conf, down)) {
                for (String s : scripts) {
                    LdapLookup.closeConnections();
                    String exim = EximSessions.mask(EximSessions.exim(
                            List.of("-C", c.toString(), "-bh", "192.0.2.1"), s, true), Set.of());
                    String jexim = EximSessions.mask(jexim(c, s), Set.of());
                    if (!exim.equals(jexim)) {
                        problems.add(c.getFileName() + ": " + s.replace("\r\n", " / ") + "\n--- exim:\n" + exim
                                + "\n--- jexim:\n" + jexim);
                    }
                }
            }
            assertEquals(List.of(), problems);
        } finally {
            LdapLookup.closeConnections();
        }
    }

    private static String configure(String server) {
        return String.join("\n",
                "primary_hostname = mx.example.org",
                "pipelining_connect_advertise_hosts =",
                "chunking_advertise_hosts =",
                "smtputf8_advertise_hosts =",
                "acl_smtp_rcpt = check_rcpt",
                "begin acl",
                "check_rcpt:",
                "  accept  authenticated = *",
                "          message = Accepted for $authenticated_id <${lookup ldap{" + server + "uid=${quote_ldap_dn:"
                        + "$authenticated_id}," + PEOPLE + "?mail}{$value}{none}}>",
                "  deny    message = relay not permitted (not authenticated)",
                "begin authenticators",
                "PLAIN:",
                "  driver = plaintext",
                "  public_name = PLAIN",
                "  server_prompts = :",
                "  server_condition = ${if ldapauth{USER=uid=${quote_ldap_dn:$auth2}," + PEOPLE
                        + " PASS=${quote:$auth3} " + server + "}}",
                "  server_set_id = $auth2",
                "LOGIN:",
                "  driver = plaintext",
                "  public_name = LOGIN",
                "  server_prompts = Username:: : Password::",
                "  server_condition = ${if ldapauth{USER=uid=${quote_ldap_dn:$auth1}," + PEOPLE
                        + " PASS=${quote:$auth2} " + server + "}}",
                "  server_set_id = $auth1",
                "");
    }

    private static String session(String auth) {
        return "EHLO c.test\r\n" + auth + "\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<x@y.test>\r\nQUIT\r\n";
    }

    private String jexim(Path conf, String script) throws Exception {
        var config = ConfigReader.read(conf, Map.of());
        Path translated = Files.createTempDirectory(tmp, "t");
        Translator.translate(config).writeTo(translated);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        EximLog.divert(new EximSessions.Collecting(lines));
        TestSession.of(config, translated, out).run("192.0.2.1", new BufferedReader(new StringReader(script)));
        StringBuilder all = new StringBuilder(bytes.toString(StandardCharsets.ISO_8859_1));
        lines.forEach(l -> all.append(l).append('\n'));
        return all.toString();
    }
}
