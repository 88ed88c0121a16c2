package org.jexim.smtp.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Exim's $tls_in_* variables for an inbound TLS session: $tls_in_cipher
 * ({@code TLS1.3:TLS_AES_256_GCM_SHA384:256}, the X= of the log), $tls_in_ver, $tls_in_cipher_std,
 * $tls_in_bits, $tls_in_peerdn and $tls_in_certificate_verified; the $tls_* short forms too.
 * Java's standard cipher names are used where Exim shows its TLS library's.
 */
public final class TlsVariables {
    private TlsVariables() {
    }

    public static Map<String, String> of(SSLSession ssl) {
        Map<String, String> vars = new LinkedHashMap<>();
        String version = ssl.getProtocol().replace("TLSv", "TLS");
        String cipher = ssl.getCipherSuite();
        vars.put("tls_in_ver", version);
        vars.put("tls_in_cipher_std", cipher);
        vars.put("tls_in_bits", Integer.toString(bits(cipher)));
        vars.put("tls_in_cipher", version + ":" + cipher + ":" + bits(cipher));
        boolean verified = false;
        try {
            Certificate[] peer = ssl.getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate x509) {
                vars.put("tls_in_peerdn", x509.getSubjectX500Principal().getName());
                verified = true; // the engine only completes a handshake with a client certificate it trusts
            }
        } catch (SSLPeerUnverifiedException e) {
            // no client certificate
        }
        vars.put("tls_in_certificate_verified", verified ? "1" : "0");
        // the unqualified names Exim keeps for compatibility
        vars.put("tls_cipher", vars.get("tls_in_cipher"));
        vars.put("tls_bits", vars.get("tls_in_bits"));
        vars.put("tls_certificate_verified", vars.get("tls_in_certificate_verified"));
        if (vars.containsKey("tls_in_peerdn")) {
            vars.put("tls_peerdn", vars.get("tls_in_peerdn"));
        }
        return vars;
    }

    /** The key length of a cipher suite's bulk cipher, from its standard name. */
    static int bits(String cipher) {
        if (cipher.contains("AES_256") || cipher.contains("CHACHA20")) {
            return 256;
        }
        if (cipher.contains("AES_128")) {
            return 128;
        }
        if (cipher.contains("3DES")) {
            return 168;
        }
        return 0;
    }
}
