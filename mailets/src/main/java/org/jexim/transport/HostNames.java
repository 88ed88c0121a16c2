package org.jexim.transport;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a server certificate is for a host name (tls_verify_cert_hostnames): its DNS
 * subjectAltNames, or its CN when it has none; a leading "*." matches one label.
 */
final class HostNames {
    private HostNames() {
    }

    static boolean matches(X509Certificate cert, String hostName) {
        String host = hostName.toLowerCase(Locale.ROOT);
        for (String name : names(cert)) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals(host)
                    || n.startsWith("*.") && host.indexOf('.') > 0 && host.substring(host.indexOf('.')).equals(n.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        dns.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return dns;
        }
        if (!dns.isEmpty()) {
            return dns;
        }
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    dns.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return dns;
        }
        return dns;
    }
}
