package org.jexim.conf.lookup.ldap;

import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileKeyManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.File;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of LDAP connections (ldaps:// and ldap_start_tls), from Exim's options:
 * ldap_ca_cert_file / ldap_ca_cert_dir (PEM) or the system's CAs, ldap_cert_file and
 * ldap_cert_key (PEM, PKCS#8 key) for a client certificate, ldap_require_cert as OpenLDAP
 * reads it (allow and never accept any certificate; otherwise it must be valid and name the host).
 */
final class LdapTls {
    private LdapTls() {
    }

    static SSLContext context(LdapSettings s) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        KeyManager[] keys = null;
        if (s.certFile() != null && s.certKey() != null) {
            keys = new KeyManager[] {new PEMFileKeyManager(new File(s.certFile()), new File(s.certKey()))};
        }
        ctx.init(keys, trust(s), null);
        return ctx;
    }

    static SSLSocketVerifier verifier(LdapSettings s) {
        return s.verifyCertificate() ? new HostNameSSLSocketVerifier(true) : TrustAllSSLSocketVerifier.getInstance();
    }

    private static TrustManager[] trust(LdapSettings s) throws GeneralSecurityException {
        if (!s.verifyCertificate()) {
            return new TrustManager[] {new TrustAllTrustManager()};
        }
        List<File> pems = new ArrayList<>();
        if (s.caCertFile() != null) {
            pems.add(new File(s.caCertFile()));
        }
        if (s.caCertDir() != null) {
            File[] files = new File(s.caCertDir()).listFiles(File::isFile);
            if (files != null) {
                for (File f : files) {
                    try {
                        new PEMFileTrustManager(f);
                        pems.add(f);
                    } catch (Exception e) {
                        // not a certificate file: GnuTLS skips it as well
                    }
                }
            }
        }
        if (!pems.isEmpty()) {
            return new TrustManager[] {new PEMFileTrustManager(pems.toArray(new File[0]))};
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        return f.getTrustManagers();
    }
}
