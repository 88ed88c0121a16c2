package org.jexim.conf.translate;

/**
 * Where smtpserver.xml expects the self-signed certificate the server makes when tls_certificate
 * is unset: a PKCS12 keystore in James's conf directory, and its password.
 */
public final class SelfSignedKeystore {
    public static final String FILE_NAME = "jexim-selfsigned.p12";
    public static final String SECRET = "jexim-selfsigned";

    private SelfSignedKeystore() {
    }
}
