package org.jexim.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of the smtp transport's STARTTLS, with Java's TLS: the client certificate of
 * {@code tls_certificate}/{@code tls_privatekey} (PEM, PKCS#8 key), and the server's
 * certificate checked against {@code tls_verify_certificates} ("system" or a PEM file) when the
 * host is in {@code tls_verify_hosts} or {@code tls_try_verify_hosts}; otherwise any
 * certificate is taken (Exim's opportunistic TLS, logged CV=no).
 */
final class TlsClient {
    private TlsClient() {
    }

    /** A context that verifies (trust anchors from {@code verifyCertificates}) or accepts anything. */
    static SSLContext context(boolean verify, String verifyCertificates, String certificate, String privateKey)
            throws IOException, GeneralSecurityException {
        TrustManager[] trust = verify ? anchors(verifyCertificates).getTrustManagers() : new TrustManager[] {new AnyCertificate()};
        return context(trust, certificate, privateKey);
    }

    /**
     * A context for tls_try_verify_hosts: any certificate is taken, and {@code tried} records whether
     * the trust anchors of {@code verifyCertificates} would have taken it (Exim's CV=yes).
     */
    static SSLContext trying(TriedVerification tried, String verifyCertificates, String certificate, String privateKey)
            throws IOException, GeneralSecurityException {
        for (TrustManager tm : anchors(verifyCertificates).getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                tried.anchors = x;
            }
        }
        return context(new TrustManager[] {tried}, certificate, privateKey);
    }

    private static TrustManagerFactory anchors(String verifyCertificates) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (verifyCertificates == null || verifyCertificates.isBlank() || verifyCertificates.strip().equals("system")) {
            tmf.init((KeyStore) null);
        } else {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates(Path.of(verifyCertificates.strip()))) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            tmf.init(ks);
        }
        return tmf;
    }

    private static SSLContext context(TrustManager[] trust, String certificate, String privateKey)
            throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = null;
        if (certificate != null && !certificate.isBlank()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            List<X509Certificate> chain = certificates(Path.of(certificate.strip()));
            PrivateKey key = privateKey(Path.of((privateKey == null || privateKey.isBlank() ? certificate : privateKey).strip()));
            ks.setKeyEntry("client", key, new char[0], chain.toArray(new Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
        }
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), trust, null);
        return ctx;
    }

    /** Exim's X= and CV= log fields (the OpenSSL-build form: protocol, cipher suite, bits). */
    static String logFields(SSLSession session, boolean verified) {
        String protocol = session.getProtocol().replace("TLSv", "TLS");
        String suite = session.getCipherSuite();
        int bits = suite.contains("256") || suite.contains("CHACHA20") ? 256 : 128;
        return "X=" + protocol + ":" + suite + ":" + bits + " CV=" + (verified ? "yes" : "no");
    }

    static List<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate c : cf.generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        }
        return out;
    }

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        if (begin < 0) {
            throw new GeneralSecurityException(pem + ": jexim reads PKCS#8 keys (BEGIN PRIVATE KEY); convert with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        int end = text.indexOf("-----END PRIVATE KEY-----", begin);
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(pem + ": unsupported private key type");
    }

    /** Opportunistic TLS: encryption without checking who the server is. */
    /** Takes any server certificate and remembers whether the anchors verify it and the name it is for. */
    static final class TriedVerification implements X509TrustManager {
        private X509TrustManager anchors;
        private volatile boolean trusted;
        private volatile X509Certificate peer;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            peer = chain.length > 0 ? chain[0] : null;
            try {
                anchors.checkServerTrusted(chain, authType);
                trusted = true;
            } catch (java.security.cert.CertificateException | RuntimeException e) {
                trusted = false;
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        /** Whether the certificate verified, and (when {@code checkName}) is for {@code hostName}. */
        boolean verified(String hostName, boolean checkName) {
            return trusted && peer != null && (!checkName || HostNames.matches(peer, hostName));
        }
    }

    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
