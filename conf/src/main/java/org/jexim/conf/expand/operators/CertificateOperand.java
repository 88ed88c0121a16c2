package org.jexim.conf.expand.operators;

import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;

/**
 * {@code ${md5:$tls_in_peercert}} and the sha1, sha256 and base64 forms: on a certificate
 * variable these give the certificate's fingerprint (upper-case hex) or its DER in base64.
 * Without a certificate Exim applies the operator to the variable's name, and so does jexim.
 */
final class CertificateOperand {
    private static final Set<String> OPERATORS = Set.of("md5", "sha1", "sha256", "base64");
    private static final Set<String> CERT_VARIABLES = Set.of("tls_in_ourcert", "tls_in_peercert",
            "tls_out_ourcert", "tls_out_peercert");

    private CertificateOperand() {
    }

    /** The node when the operand is "$certvar}", else null with the cursor unchanged. */
    static Node parse(String name, Operator op, ExpansionParser p) throws ExpansionException {
        if (!OPERATORS.contains(name) || p.peek() != '$') {
            return null;
        }
        int save = p.pos();
        p.next();
        String var = p.readName("_");
        if (p.peek() != '}' || !CERT_VARIABLES.contains(var)) {
            p.pos(save);
            return null;
        }
        p.next();
        return (ev, out) -> {
            X509Certificate c = ev.context().certificate(var).orElse(null);
            if (c == null) {
                op.apply(ev, name, null, new Out().append(var), out);
                return;
            }
            byte[] der;
            try {
                der = c.getEncoded();
            } catch (CertificateEncodingException e) {
                throw new ExpansionException("certificate encoding failed: " + e.getMessage());
            }
            if (name.equals("base64")) {
                out.append(Base64.getEncoder().encodeToString(der), true);
                return;
            }
            String alg = name.equals("md5") ? "MD5" : name.equals("sha1") ? "SHA-1" : "SHA-256";
            try {
                out.append(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(alg).digest(der)), true);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
