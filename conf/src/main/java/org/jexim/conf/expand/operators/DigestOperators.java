package org.jexim.conf.expand.operators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.jexim.conf.expand.ExpansionException;

/** md5 (lower-case hex), sha1, sha2_N / sha256, sha3_N (upper-case hex). */
final class DigestOperators {
    private DigestOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("md5", (ev, name, arg, in, out) -> out.append(hex("MD5", in.toString(), false), in.tainted()));
        m.put("sha1", (ev, name, arg, in, out) -> out.append(hex("SHA-1", in.toString(), true), in.tainted()));
        Operator sha2 = (ev, name, arg, in, out) -> {
            String alg = arg == null || arg.equals("256") ? "SHA-256"
                    : arg.equals("384") ? "SHA-384" : arg.equals("512") ? "SHA-512" : null;
            if (alg == null) {
                throw new ExpansionException("unrecognised sha2 variant");
            }
            out.append(hex(alg, in.toString(), true), in.tainted());
        };
        m.put("sha2", sha2);
        m.put("sha256", sha2);
        m.put("sha3", (ev, name, arg, in, out) -> {
            String alg = arg == null || arg.equals("256") ? "SHA3-256" : arg.equals("224") ? "SHA3-224"
                    : arg.equals("384") ? "SHA3-384" : arg.equals("512") ? "SHA3-512" : null;
            if (alg == null) {
                throw new ExpansionException("unrecognised sha3 variant");
            }
            out.append(hex(alg, in.toString(), true), in.tainted());
        });
    }

    static byte[] digest(String alg, byte[] data) {
        try {
            return MessageDigest.getInstance(alg).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String alg, String s, boolean upper) {
        byte[] d = digest(alg, s.getBytes(StandardCharsets.ISO_8859_1));
        HexFormat f = upper ? HexFormat.of().withUpperCase() : HexFormat.of();
        return f.formatHex(d);
    }
}
