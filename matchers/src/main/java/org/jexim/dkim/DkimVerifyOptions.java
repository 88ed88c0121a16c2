package org.jexim.dkim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jexim.conf.lists.ExiList;

/**
 * Exim's main options that shape DKIM verification: {@code dkim_verify_hashes} and
 * {@code dkim_verify_keytypes} (signatures with other algorithms are ignored; the lists also
 * give the order of processing), {@code dkim_verify_min_keysizes} (shorter keys fail with
 * reason pubkey_too_short) and {@code dkim_verify_minimal} (stop after the first pass).
 */
public record DkimVerifyOptions(List<String> hashes, List<String> keytypes, String minKeysizes, boolean minimal) {
    public static final DkimVerifyOptions DEFAULTS =
            new DkimVerifyOptions(List.of("sha256", "sha512"), List.of("ed25519", "rsa"), "rsa=1024 ed25519=250", false);

    /** The options as configured (each falls back to Exim's default). */
    public static DkimVerifyOptions from(Function<String, Optional<String>> option) {
        return new DkimVerifyOptions(
                option.apply("dkim_verify_hashes").map(DkimVerifyOptions::lower).orElse(DEFAULTS.hashes),
                option.apply("dkim_verify_keytypes").map(DkimVerifyOptions::lower).orElse(DEFAULTS.keytypes),
                option.apply("dkim_verify_min_keysizes").orElse(DEFAULTS.minKeysizes),
                option.apply("dkim_verify_minimal").map(v -> v.isEmpty() || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"))
                        .orElse(false));
    }

    private static List<String> lower(String list) {
        List<String> out = new ArrayList<>();
        ExiList.items(list).forEach(i -> out.add(i.strip().toLowerCase(Locale.ROOT)));
        return out;
    }

    /**
     * The signatures Exim processes, in its order: those whose hash is in the hash list, ordered
     * by it, then (stably) by the key type list; algo is "keytype-hash", e.g. rsa-sha256.
     */
    public <T> List<T> select(List<T> signatures, Function<T, String> algo) {
        List<T> out = new ArrayList<>();
        for (T s : signatures) {
            String[] kh = algo.apply(s).toLowerCase(Locale.ROOT).split("-", 2);
            if (kh.length == 2 && hashes.contains(kh[1]) && keytypes.contains(kh[0])) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt(s -> hashes.indexOf(algo.apply(s).toLowerCase(Locale.ROOT).split("-", 2)[1])));
        out.sort(Comparator.comparingInt(s -> keytypes.indexOf(algo.apply(s).toLowerCase(Locale.ROOT).split("-", 2)[0])));
        return out;
    }

    /** The least key size in bits for a key type ("rsa=1024 ed25519=250"; space or list separated); 0 if none. */
    public int minKeysize(String keytype) {
        for (String item : minKeysizes.split("[\\s:,]+")) {
            int eq = item.indexOf('=');
            if (eq > 0 && item.substring(0, eq).equalsIgnoreCase(keytype)) {
                try {
                    return Integer.parseInt(item.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * Whether the ACL walk ends after this run, whose ACL left this status: with
     * dkim_verify_minimal, after a signer's last run if it left "pass" (Exim 4.96 still runs the
     * ACL for the signer's other signatures, which are then unverified, "none").
     */
    public boolean endsWalk(String status, DkimVerification.Run run, DkimVerification.Run next) {
        return minimal && "pass".equals(status) && (next == null || !next.signer().equals(run.signer()));
    }
}
