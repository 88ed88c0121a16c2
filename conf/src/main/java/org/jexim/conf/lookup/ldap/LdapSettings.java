package org.jexim.conf.lookup.ldap;

import java.util.Optional;
import org.jexim.conf.lookup.LookupEnv;

/** The main options Exim's LDAP code reads (ldap_default_servers, ldap_start_tls, ldap_*cert*...). */
record LdapSettings(String defaultServers, boolean startTls, String requireCert, String caCertFile, String caCertDir,
        String certFile, String certKey) {

    static LdapSettings of(LookupEnv env) {
        return new LdapSettings(text(env, "ldap_default_servers"), flag(env, "ldap_start_tls"),
                text(env, "ldap_require_cert"), text(env, "ldap_ca_cert_file"), text(env, "ldap_ca_cert_dir"),
                text(env, "ldap_cert_file"), text(env, "ldap_cert_key"));
    }

    /** Whether the server's certificate must be valid and name the host (OpenLDAP's demand, hard, try; its default). */
    boolean verifyCertificate() {
        return requireCert == null || !(requireCert.equals("allow") || requireCert.equals("never"));
    }

    private static String text(LookupEnv env, String name) {
        Optional<String> v = env.option(name);
        return v.filter(s -> !s.isEmpty()).orElse(null);
    }

    private static boolean flag(LookupEnv env, String name) {
        String v = env.option(name).orElse("false").strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") || v.equals("yes");
    }
}
