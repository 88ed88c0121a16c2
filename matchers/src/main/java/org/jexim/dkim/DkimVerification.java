package org.jexim.dkim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every DKIM signature of one message with its verification result, and the way Exim walks
 * them for {@code acl_smtp_dkim}: {@code $dkim_signers} lists the domains and identities,
 * {@code dkim_verify_signers} (default {@code $dkim_signers}) names the signers the ACL runs
 * for, once per matching signature, or once with status "none" when no signature matches.
 */
public record DkimVerification(List<DkimSignatureResult> signatures) {

    /** {@code $dkim_signers}: each signature's domain, then its identity when it has one (repeats kept, as Exim does). */
    /**
     * Where the DKIM part of ${authresults} travels to the expansion (a name no configure can
     * write: ':' is not a variable character).
     */
    public static final String AUTHRES_VARIABLE = "authres:dkim";

    /** The DKIM part of Exim's Authentication-Results (authres_dkim): one "dkim=" entry per signature. */
    public String authResults() {
        StringBuilder g = new StringBuilder();
        for (DkimSignatureResult sig : signatures) {
            g.append(";\n\tdkim=").append(switch (sig.status()) {
                case "none" -> "none";
                case "pass" -> "pass";
                case "invalid" -> switch (sig.reason()) {
                    case "pubkey_unavailable" -> "tmperror (pubkey unavailable)\n\t\t";
                    case "pubkey_dns_syntax", "pubkey_der_syntax" -> "neutral (public key record import problem)\n\t\t";
                    default -> "permerror (unspecified problem)\n\t\t";
                };
                case "fail" -> switch (sig.reason()) {
                    case "bodyhash_mismatch" -> "fail (body hash mismatch; body probably modified in transit)\n\t\t";
                    case "signature_incorrect" -> "fail (signature did not verify; headers probably modified in transit)\n\t\t";
                    case "pubkey_too_short" -> "fail (public key too short: " + sig.key().length() + " bits)\n\t\t";
                    default -> "fail (unspecified reason)\n\t\t";
                };
                default -> "permerror";
            });
            g.append(" header.d=").append(sig.domain());
            if (!sig.identity().isEmpty()) {
                g.append(" header.i=").append(sig.identity());
            }
            g.append(" header.s=").append(sig.selector()).append(" header.a=").append(sig.algo());
        }
        return g.toString();
    }

    public String signers() {
        List<String> out = new ArrayList<>();
        for (DkimSignatureResult s : signatures) {
            out.add(s.domain());
            if (s.identity() != null && !s.identity().isEmpty()) {
                out.add(s.identity());
            }
        }
        return String.join(":", out);
    }

    private static final DkimSignatureResult NO_SIGNATURE = new DkimSignatureResult("", "", "", "", "", "", "",
            "9999999999999", "0", "9999999999999", "", "none", "", DkimSignatureResult.DkimKey.NONE);

    /** One ACL run: the signer ($dkim_cur_signer) and the signature variables (status "none" if no signature). */
    public record Run(String signer, Map<String, String> variables) {
    }

    /** The ACL runs for the expanded {@code dkim_verify_signers} list, in order, each signer once. */
    public List<Run> runs(String verifySigners) {
        List<Run> runs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String signer : org.jexim.conf.lists.ExiList.items(verifySigners)) {
            if (signer.isEmpty() || !seen.add(signer.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean any = false;
            for (DkimSignatureResult s : signatures) {
                if (matches(signer, s)) {
                    any = true;
                    var v = new java.util.LinkedHashMap<>(s.variables());
                    v.put("dkim_cur_signer", signer);
                    runs.add(new Run(signer, v));
                }
            }
            if (!any) {
                // no signature: Exim's defaults, but $dkim_domain, $dkim_selector and $dkim_key_length
                // are globals it leaves as the previous run set them
                Map<String, String> previous = runs.isEmpty() ? Map.of() : runs.get(runs.size() - 1).variables();
                var v = new java.util.LinkedHashMap<>(NO_SIGNATURE.variables());
                v.put("dkim_domain", previous.getOrDefault("dkim_domain", ""));
                v.put("dkim_selector", previous.getOrDefault("dkim_selector", ""));
                v.put("dkim_key_length", previous.getOrDefault("dkim_key_length", "0"));
                v.put("dkim_cur_signer", signer);
                runs.add(new Run(signer, v));
            }
        }
        return runs;
    }

    private static boolean matches(String signer, DkimSignatureResult s) {
        return signer.equalsIgnoreCase(s.domain()) || (s.identity() != null && signer.equalsIgnoreCase(s.identity()));
    }

    /** The {@code dkim_signers} condition: whether the current signer is in the expanded list. */
    public static boolean signersCondition(String list, String currentSigner) {
        for (String item : org.jexim.conf.lists.ExiList.items(list)) {
            if (item.equalsIgnoreCase(currentSigner)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code dkim_status} condition: whether the current status is in the expanded list. */
    public static boolean statusCondition(String list, String status) {
        for (String item : org.jexim.conf.lists.ExiList.items(list)) {
            if (item.equalsIgnoreCase(status)) {
                return true;
            }
        }
        return false;
    }
}
