package org.jexim.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import org.apache.james.jdkim.DKIMCommon;
import org.apache.james.jdkim.api.Headers;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.impl.BodyHasherImpl;

/**
 * Verifies one ed25519-sha256 DKIM signature (jDKIM knows RSA only), in Exim's order: the body
 * hash, then the key, then the header signature, with jDKIM's canonicalization (body hasher,
 * header hashing) and {@link Ed25519Sha256}.
 */
final class Ed25519Verifier extends DKIMCommon {
    /** How the check ended, in Exim's status and reason words. */
    record Outcome(String status, String reason) {
    }

    /** Whether the body hashes to the signature's bh=. */
    static boolean bodyMatches(SignatureRecord sig, InputStream body) throws IOException {
        try {
            BodyHasherImpl hasher = new BodyHasherImpl(sig);
            try (OutputStream out = hasher.getOutputStream()) {
                body.transferTo(out);
            }
            return Arrays.equals(hasher.getDigest(), sig.getBodyHash());
        } catch (PermFailException e) {
            return false;
        }
    }

    /** The header signature checked with the key's p= bytes. */
    static Outcome headers(Headers headers, SignatureRecord sig, byte[] keyBytes) {
        PublicKey key;
        try {
            key = Ed25519Sha256.publicKey(keyBytes);
        } catch (GeneralSecurityException e) {
            return new Outcome("invalid", "pubkey_der_syntax");
        }
        try {
            Ed25519Sha256 signature = new Ed25519Sha256();
            signature.initVerify(key);
            signatureCheck(headers, sig, sig.getHeaders(), signature);
            return signature.verify(sig.getSignature()) ? new Outcome("pass", "") : new Outcome("fail", "signature_incorrect");
        } catch (GeneralSecurityException | PermFailException e) {
            return new Outcome("fail", "signature_incorrect");
        }
    }

    private Ed25519Verifier() {
    }
}
