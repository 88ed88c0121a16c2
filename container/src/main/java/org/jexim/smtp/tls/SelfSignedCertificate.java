package org.jexim.smtp.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jexim.conf.translate.SelfSignedKeystore;

/**
 * Makes the self-signed certificate STARTTLS uses when tls_certificate is unset (Exim 4.96 makes
 * one at run time too), once, with the JDK's keytool, into the keystore smtpserver.xml names.
 */
public final class SelfSignedCertificate {
    private SelfSignedCertificate() {
    }

    /** Creates {@code jamesConf}/jexim-selfsigned.p12 if smtpserver.xml uses it and it does not exist yet. */
    public static void ensure(Path jamesConf) throws IOException, InterruptedException {
        Path keystore = jamesConf.resolve(SelfSignedKeystore.FILE_NAME);
        Path smtpserver = jamesConf.resolve("smtpserver.xml");
        if (Files.exists(keystore) || !Files.exists(smtpserver)
                || !Files.readString(smtpserver).contains(SelfSignedKeystore.FILE_NAME)) {
            return;
        }
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "exim", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "3650", "-dname", "CN=" + InetAddress.getLocalHost().getHostName(),
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", SelfSignedKeystore.SECRET,
                "-keypass", SelfSignedKeystore.SECRET)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool could not make the self-signed certificate: " + output);
        }
    }
}
