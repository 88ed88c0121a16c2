package org.jexim.conf.expand;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.jexim.conf.lists.Ascii;

/** The crypteq condition: {md5}, {sha1} (base64 or hex), {crypt} and plain crypt() (DES, $1$, $5$, $6$). */
public final class Crypt {
    private Crypt() {
    }

    public static boolean crypteq(String plain, String crypted) throws ExpansionException {
        String lower = Ascii.lower(crypted);
        if (lower.startsWith("{md5}")) {
            return digestEquals("MD5", plain, crypted.substring(5), 24, 32);
        }
        if (lower.startsWith("{sha1}")) {
            return digestEquals("SHA-1", plain, crypted.substring(6), 28, 40);
        }
        String c = crypted;
        if (lower.startsWith("{crypt}")) {
            c = crypted.substring(7);
        } else if (lower.startsWith("{crypt16}")) {
            throw new ExpansionException("crypt16 is not supported by jexim");
        } else if (crypted.startsWith("{")) {
            throw new ExpansionException("unknown encryption mechanism in \"" + crypted + "\"");
        }
        if (c.length() < 2) {
            return false;
        }
        try {
            String coded = org.apache.commons.codec.digest.Crypt.crypt(plain.getBytes(StandardCharsets.ISO_8859_1), c);
            return coded.equals(c);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean digestEquals(String alg, String plain, String want, int b64len, int hexlen) {
        byte[] d;
        try {
            d = MessageDigest.getInstance(alg).digest(plain.getBytes(StandardCharsets.ISO_8859_1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (want.length() == b64len) {
            return Base64.getEncoder().encodeToString(d).equals(want);
        }
        if (want.length() == hexlen) {
            return Ascii.equalsIgnoreCase(HexFormat.of().withUpperCase().formatHex(d), want);
        }
        return false;
    }
}
