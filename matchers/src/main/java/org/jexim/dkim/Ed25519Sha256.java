package org.jexim.dkim;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;

/**
 * The ed25519-sha256 DKIM algorithm of RFC 8463 as a {@link Signature} that jDKIM's header
 * hashing can feed: the canonicalized header data is hashed with SHA-256 and the hash is
 * verified with PureEdDSA Ed25519 (Java 17's "Ed25519").
 */
final class Ed25519Sha256 extends Signature {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 key bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final MessageDigest sha256;
    private PublicKey key;

    Ed25519Sha256() {
        super("Ed25519-SHA256");
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The public key of a DNS record's p= bytes: 32 bare bytes (RFC 8463), or longer data of
     * which the last 32 bytes are the key (Exim's leniency for the DER form).
     */
    static PublicKey publicKey(byte[] p) throws GeneralSecurityException {
        if (p.length < 32) {
            throw new InvalidKeyException("an Ed25519 key has 32 bytes, not " + p.length);
        }
        byte[] der = new byte[SPKI_PREFIX.length + 32];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(p, p.length - 32, der, SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) {
        key = publicKey;
        sha256.reset();
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        throw new InvalidKeyException("verification only");
    }

    @Override
    protected void engineUpdate(byte b) {
        sha256.update(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {
        sha256.update(b, off, len);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        throw new SignatureException("verification only");
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(sha256.digest());
            return ed.verify(sigBytes);
        } catch (GeneralSecurityException e) {
            throw new SignatureException(e);
        }
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        throw new UnsupportedOperationException();
    }
}
