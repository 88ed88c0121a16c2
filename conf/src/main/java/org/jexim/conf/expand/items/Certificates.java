package org.jexim.conf.expand.items;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Variables;

/** ${certextract}: fields of the TLS certificates in $tls_in_peercert and friends. */
final class Certificates {
    static final Set<String> CERT_VARIABLES = Set.of("tls_in_ourcert", "tls_in_peercert", "tls_out_ourcert",
            "tls_out_peercert");

    private Certificates() {
    }

    /** Exim's expand_getcertele(): the field's text, or null when the variable holds no certificate. */
    static String field(Eval ev, String field, String var) throws ExpansionException {
        if (!Variables.known(var)) {
            throw new ExpansionException("no variable named \"" + var + "\"");
        }
        if (!CERT_VARIABLES.contains(var)) {
            throw new ExpansionException("\"" + var + "\" is not a certificate");
        }
        X509Certificate c = ev.context().certificate(var).orElse(null);
        if (c == null) {
            return null;
        }
        try {
            if (field.startsWith("version")) {
                return Integer.toString(c.getVersion());
            } else if (field.startsWith("serial_number")) {
                return c.getSerialNumber().toString(16);
            } else if (field.startsWith("subject")) {
                return c.getSubjectX500Principal().getName();
            } else if (field.startsWith("notbefore")) {
                return time(c.getNotBefore());
            } else if (field.startsWith("notafter")) {
                return time(c.getNotAfter());
            } else if (field.startsWith("issuer")) {
                return c.getIssuerX500Principal().getName();
            } else if (field.startsWith("signature")) {
                return HexFormat.of().formatHex(c.getSignature());
            } else if (field.startsWith("sig_algorithm")) {
                return c.getSigAlgName();
            } else if (field.startsWith("subj_altname")) {
                StringBuilder b = new StringBuilder();
                Collection<List<?>> names = c.getSubjectAlternativeNames();
                if (names != null) {
                    for (List<?> n : names) {
                        if (b.length() > 0) {
                            b.append('\n');
                        }
                        int type = (Integer) n.get(0);
                        b.append(type == 2 ? "dns=" : type == 1 ? "mail=" : type == 6 ? "uri=" : "").append(n.get(1));
                    }
                }
                return b.toString();
            } else if (field.startsWith("ocsp_uri") || field.startsWith("crl_uri")) {
                return "";
            }
        } catch (CertificateParsingException e) {
            throw new ExpansionException("certextract: " + e.getMessage());
        }
        throw new ExpansionException("bad field selector \"" + field + "\" for certextract");
    }

    private static String time(java.util.Date d) {
        SimpleDateFormat f = new SimpleDateFormat("MMM d HH:mm:ss yyyy 'GMT'", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("GMT"));
        return f.format(d);
    }

    static byte[] der(X509Certificate c) throws CertificateEncodingException {
        return c.getEncoded();
    }
}
