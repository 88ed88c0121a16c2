package org.jexim.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.Headers;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jdkim.impl.Message;
import org.apache.james.jdkim.tagvalue.PublicKeyRecordImpl;
import org.apache.james.jdkim.tagvalue.SignatureRecordImpl;
import org.jexim.dns.DnsClient;

/**
 * Verifies every DKIM signature of a received message with Apache jDKIM, one signature at a
 * time so each gets its own result in Exim's words: pass; fail with bodyhash_mismatch or
 * signature_incorrect; invalid with pubkey_unavailable or pubkey_dns_syntax (what exim4
 * reports for an undecodable or keyless record); fail with pubkey_too_short under
 * dkim_verify_min_keysizes. Signatures that do not parse are left out, as Exim calls the DKIM
 * ACL only for syntactically correct ones.
 */
public final class DkimVerifierEngine {
    private static final String NO_LIMIT = "9999999999999";
    private final DnsClient dns;

    public DkimVerifierEngine(DnsClient dns) {
        this.dns = dns;
    }

    /** Verifies the message (headers and body as received, CRLF or LF line ends). */
    public DkimVerification verify(byte[] message) throws IOException {
        return verify(message, DkimVerifyOptions.DEFAULTS);
    }

    /** Verifies the message with Exim's dkim_verify_* options applied. */
    public DkimVerification verify(byte[] message, DkimVerifyOptions options) throws IOException {
        byte[] crlf = toCrlf(message);
        List<String> fields;
        try {
            fields = parse(crlf).getFields("DKIM-Signature");
        } catch (FailException e) {
            return new DkimVerification(List.of());
        }
        List<Map.Entry<String, SignatureRecord>> parsed = new ArrayList<>();
        for (String field : fields) {
            try {
                String value = field.substring(field.indexOf(':') + 1);
                SignatureRecordImpl sig = new SignatureRecordImpl(value);
                if (isEd25519(sig)) {
                    // jDKIM validates RSA signatures only: the other tags are checked as for rsa-sha256
                    new SignatureRecordImpl(value.replaceFirst("(?i)(^|;)(\\s*a\\s*=\\s*)ed25519-", "$1$2rsa-")).validate();
                } else {
                    sig.validate();
                }
                parsed.add(Map.entry(field, sig));
            } catch (RuntimeException e) {
                // not syntactically correct: no ACL run for it
            }
        }
        List<DkimSignatureResult> out = new ArrayList<>();
        boolean passed = false;
        for (Map.Entry<String, SignatureRecord> e : options.select(parsed,
                p -> p.getValue().getHashKeyType() + "-" + p.getValue().getHashMethod())) {
            if (passed && options.minimal()) {
                // dkim_verify_minimal: signatures after the first pass are left unverified
                out.add(result(e.getValue(), e.getKey(), "none", "", DkimSignatureResult.DkimKey.NONE));
                continue;
            }
            DkimSignatureResult r = verifyOne(crlf, e.getKey(), e.getValue(), options);
            passed |= r.status().equals("pass");
            out.add(r);
        }
        return new DkimVerification(out);
    }

    private static boolean isEd25519(SignatureRecord sig) {
        return "ed25519".equalsIgnoreCase(String.valueOf(sig.getHashKeyType()));
    }

    private DkimSignatureResult verifyOne(byte[] crlf, String field, SignatureRecord sig, DkimVerifyOptions options)
            throws IOException {
        DnsKeyRetriever keys = new DnsKeyRetriever(dns);
        String status;
        String reason;
        if (isEd25519(sig)) {
            Ed25519Verifier.Outcome o = verifyEd25519(crlf, field, sig, keys);
            status = o.status();
            reason = o.reason();
        } else {
            try {
                // the key first, so that a missing or broken key is reported as such (jDKIM folds it into one failure)
                DKIMVerifier verifier = new DKIMVerifier(keys);
                verifier.publicRecordLookup(sig).getPublicKey();
                Message m = parse(crlf);
                Headers only = new OneSignature(m, field);
                List<SignatureRecord> passed = verifier.verify(only, m.getBodyInputStream());
                status = passed == null || passed.isEmpty() ? "fail" : "pass";
                reason = status.equals("pass") ? "" : "signature_incorrect";
            } catch (TempFailException e) {
                status = "invalid";
                reason = "pubkey_unavailable";
            } catch (IllegalStateException | IllegalArgumentException e) {
                status = "invalid";
                reason = "pubkey_dns_syntax";
            } catch (FailException e) {
                String msg = String.valueOf(e.getMessage());
                if (msg.contains("bodyhash")) {
                    status = "fail";
                    reason = "bodyhash_mismatch";
                } else if (msg.startsWith("no key for signature")) {
                    status = "invalid";
                    reason = "pubkey_unavailable";
                } else if (msg.contains("key for signature") || msg.contains("public key") || msg.startsWith("inappropriate")) {
                    status = "invalid";
                    reason = "pubkey_dns_syntax";
                } else {
                    status = "fail";
                    reason = "signature_incorrect";
                }
            }
        }
        if (reason.equals("pubkey_dns_syntax") && KeyRecord.keyBytes(keys.lastRecord()) != null) {
            reason = "pubkey_der_syntax"; // the record is well formed, its key bytes are not a key
        }
        // Exim checks the body hash before it loads the key: a body mismatch or a key it cannot use shows no key details
        boolean keyLoaded = !reason.equals("bodyhash_mismatch") && !reason.startsWith("pubkey_");
        DkimSignatureResult.DkimKey key = keyLoaded ? key(keys.lastRecord(), sig) : DkimSignatureResult.DkimKey.NONE;
        int bits = Integer.parseInt(key.length());
        if (bits > 0 && bits < options.minKeysize(sig.getHashKeyType().toString())) {
            // Exim checks the size once the key is loaded, before the header signature
            status = "fail";
            reason = "pubkey_too_short";
        }
        return result(sig, field, status, reason, key);
    }

    /** An ed25519-sha256 signature: body hash, key record, header signature, as Exim orders them. */
    private static Ed25519Verifier.Outcome verifyEd25519(byte[] crlf, String field, SignatureRecord sig, DnsKeyRetriever keys)
            throws IOException {
        Message m;
        try {
            m = parse(crlf);
        } catch (FailException e) {
            return new Ed25519Verifier.Outcome("fail", "signature_incorrect");
        }
        if (!Ed25519Verifier.bodyMatches(sig, m.getBodyInputStream())) {
            return new Ed25519Verifier.Outcome("fail", "bodyhash_mismatch");
        }
        java.util.List<String> records;
        try {
            records = keys.getRecords("dns/txt", sig.getSelector(), sig.getDToken());
        } catch (TempFailException e) {
            return new Ed25519Verifier.Outcome("invalid", "pubkey_unavailable");
        } catch (FailException e) {
            return new Ed25519Verifier.Outcome("invalid", "pubkey_unavailable");
        }
        if (records == null || records.isEmpty()) {
            return new Ed25519Verifier.Outcome("invalid", "pubkey_unavailable");
        }
        byte[] p = KeyRecord.keyBytes(records.get(0));
        if (p == null) {
            return new Ed25519Verifier.Outcome("invalid", "pubkey_dns_syntax");
        }
        return Ed25519Verifier.headers(new OneSignature(m, field), sig, p);
    }

    private static DkimSignatureResult result(SignatureRecord sig, String field, String status, String reason,
                                              DkimSignatureResult.DkimKey key) {
        String identity = tagOrEmpty(field, "i"); // jDKIM defaults it to @domain; Exim leaves it empty
        Long t = sig.getSignatureTimestamp();
        String expires = tag(field, "x");
        List<String> names = new ArrayList<>();
        sig.getHeaders().forEach(h -> names.add(h.toString()));
        return new DkimSignatureResult(sig.getDToken().toString(), identity, sig.getSelector().toString(),
                sig.getHashKeyType() + "-" + sig.getHashMethod(), sig.getHeaderCanonicalisationMethod(),
                sig.getBodyCanonicalisationMethod(), String.join(":", names),
                sig.getBodyHashLimit() < 0 ? NO_LIMIT : Integer.toString(sig.getBodyHashLimit()),
                t == null ? "0" : t.toString(), expires == null ? NO_LIMIT : expires,
                tagOrEmpty(field, "z"), status, reason, key);
    }

    private static DkimSignatureResult.DkimKey key(String record, SignatureRecord sig) {
        if (record == null) {
            return DkimSignatureResult.DkimKey.NONE;
        }
        try {
            String length;
            if (isEd25519(sig)) {
                length = "256"; // GnuTLS's size of an Ed25519 key
            } else {
                PublicKeyRecordImpl k = new PublicKeyRecordImpl(record);
                length = k.getPublicKey() instanceof RSAPublicKey rsa ? Integer.toString(rsa.getModulus().bitLength()) : "0";
            }
            String flags = tagOrEmpty(record, "t");
            String s = tag(record, "s");
            String g = tag(record, "g");
            return new DkimSignatureResult.DkimKey(length, flags.contains("y"), flags.contains("s"),
                    s == null ? "*" : s, g == null ? "*" : g, tagOrEmpty(record, "n"));
        } catch (RuntimeException e) {
            return DkimSignatureResult.DkimKey.NONE;
        }
    }

    /** A tag's value in a tag=value list (white space removed), or null. */
    private static String tag(String tagList, String name) {
        String body = tagList.indexOf(':') >= 0 && tagList.regionMatches(true, 0, "DKIM-Signature", 0, 14)
                ? tagList.substring(tagList.indexOf(':') + 1) : tagList;
        for (String part : body.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).replaceAll("[\\s]+", "");
            }
        }
        return null;
    }

    private static String tagOrEmpty(String tagList, String name) {
        String v = tag(tagList, name);
        return v == null ? "" : v;
    }

    private static Message parse(byte[] crlf) throws IOException, FailException {
        try {
            return new Message(new ByteArrayInputStream(crlf));
        } catch (org.apache.james.mime4j.MimeException e) {
            throw new org.apache.james.jdkim.exceptions.PermFailException("Mime parsing exception: " + e.getMessage());
        }
    }

    private static byte[] toCrlf(byte[] in) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length + in.length / 40);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    /** The message's headers with only one of its DKIM-Signature fields, so jDKIM checks that one alone. */
    private static final class OneSignature implements Headers {
        private final Headers headers;
        private final String field;

        OneSignature(Headers headers, String field) {
            this.headers = headers;
            this.field = field;
        }

        @Override
        public List<String> getFields() {
            List<String> out = new ArrayList<>();
            for (String f : headers.getFields()) {
                if (!isSignature(f) || f.equals(field)) {
                    out.add(f);
                }
            }
            return out;
        }

        @Override
        public List<String> getFields(String name) {
            if (name.equalsIgnoreCase("DKIM-Signature")) {
                return List.of(field);
            }
            return headers.getFields(name);
        }

        private static boolean isSignature(String f) {
            return f.toLowerCase(Locale.ROOT).startsWith("dkim-signature:");
        }
    }
}
