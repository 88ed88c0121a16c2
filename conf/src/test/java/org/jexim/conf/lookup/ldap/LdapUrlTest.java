package org.jexim.conf.lookup.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LdapUrl splits URLs as libldap's ldap_url_parse() does, refusing with its error numbers. */
class LdapUrlTest {
    @Test
    void splitsEveryPartAndUnescapesIt() throws Exception {
        LdapUrl u = LdapUrl.parse("ldap://h%6Fst:1389/uid%3Dx,dc=e?cn,,m%61il?sub?(uid=a%2A)?!x-ext,e2");
        assertThat(u.host()).isEqualTo("host");
        assertThat(u.port()).isEqualTo(1389);
        assertThat(u.dn()).isEqualTo("uid=x,dc=e");
        assertThat(u.attrs()).containsExactly("cn", "mail");
        assertThat(u.scope()).isEqualTo(LdapUrl.Scope.SUB);
        assertThat(u.filter()).isEqualTo("(uid=a*)");
        assertThat(u.extensions()).containsExactly("!x-ext", "e2");
    }

    @Test
    void defaultsAreBaseScopeNoFilterAndTheSchemesPort() throws Exception {
        LdapUrl u = LdapUrl.parse("ldaps:///dc=e");
        assertThat(u.host()).isNull();
        assertThat(u.port()).isEqualTo(636);
        assertThat(u.attrs()).isNull();
        assertThat(u.scope()).isEqualTo(LdapUrl.Scope.BASE);
        assertThat(u.filter()).isNull();
        assertThat(LdapUrl.parse("LDAP://h").port()).isEqualTo(389);
        assertThat(LdapUrl.parse("ldap://h/x?,").attrs()).isEqualTo(List.of());
    }

    @Test
    void readsBracketedIpv6AndTheNovellForm() throws Exception {
        LdapUrl v6 = LdapUrl.parse("ldap://[::1]:3890/dc=e");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(3890);
        assertThat(LdapUrl.parse("ldap://h??cn=abc,o=x").dn()).isEqualTo("cn=abc,o=x");
    }

    @Test
    void aBrokenEscapeEmptiesThePartAsLibldapDoes() {
        assertThat(LdapUrl.unescape("ab%zzcd")).isEmpty();
        assertThat(LdapUrl.unescape("ab%4")).isEmpty();
        assertThat(LdapUrl.unescape("a%41")).isEqualTo("aA");
    }

    @Test
    void refusesWithLibldapsErrorNumbers() {
        assertThatThrownBy(() -> LdapUrl.parse("ldap://h/x?a?bogus")).hasMessage("ldap_url_parse error 8");
        assertThatThrownBy(() -> LdapUrl.parse("ldap://h/x?a?sub?%zz")).hasMessage("ldap_url_parse error 9");
        assertThatThrownBy(() -> LdapUrl.parse("ldap://h/x?a?sub?f?e?x")).hasMessage("ldap_url_parse error 5");
        assertThatThrownBy(() -> LdapUrl.parse("ldap://h/x?a?sub?f?,")).hasMessage("ldap_url_parse error 10");
        assertThatThrownBy(() -> LdapUrl.parse("ldap://h:/x")).hasMessage("ldap_url_parse error 5");
        assertThatThrownBy(() -> LdapUrl.parse("ldap://h:12x/x")).hasMessage("ldap_url_parse error 5");
        assertThatThrownBy(() -> LdapUrl.parse("ldap://[::1/x")).hasMessage("ldap_url_parse error 5");
        assertThatThrownBy(() -> LdapUrl.parse("<ldap://h/x")).hasMessage("ldap_url_parse error 4");
        assertThatThrownBy(() -> LdapUrl.parse("http://h/x")).hasMessage("ldap_url_parse error 3");
    }
}
