package org.jexim.dkim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One DKIM signature of a message and what its verification found, as the variables Exim
 * sets for the DKIM ACL ({@code $dkim_domain}, {@code $dkim_verify_status}, ...). Numbers
 * follow Exim's conventions: no {@code l=} is 9999999999999, no {@code t=} is 0, no
 * {@code x=} is 9999999999999.
 */
public record DkimSignatureResult(String domain, String identity, String selector, String algo, String canonHeaders,
                                  String canonBody, String headerNames, String bodyLength, String created,
                                  String expires, String copiedHeaders, String status, String reason, DkimKey key) {

    /** The variables of this signature, by name without the dollar. */
    public Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("dkim_domain", domain);
        v.put("dkim_identity", identity);
        v.put("dkim_selector", selector);
        v.put("dkim_algo", algo);
        v.put("dkim_canon_headers", canonHeaders);
        v.put("dkim_canon_body", canonBody);
        v.put("dkim_headernames", headerNames);
        v.put("dkim_bodylength", bodyLength);
        v.put("dkim_created", created);
        v.put("dkim_expires", expires);
        v.put("dkim_copiedheaders", copiedHeaders);
        v.put("dkim_verify_status", status);
        v.put("dkim_verify_reason", reason);
        DkimKey k = key == null ? DkimKey.NONE : key;
        v.put("dkim_key_length", k.length());
        v.put("dkim_key_testing", k.testing() ? "1" : "0");
        v.put("dkim_key_nosubdomains", k.noSubdomains() ? "1" : "0");
        v.put("dkim_key_srvtype", k.serviceType());
        v.put("dkim_key_granularity", k.granularity());
        v.put("dkim_key_notes", k.notes());
        return v;
    }

    /** The key record's details as Exim shows them; {@link #NONE} before a key was loaded. */
    public record DkimKey(String length, boolean testing, boolean noSubdomains, String serviceType, String granularity,
                          String notes) {
        public static final DkimKey NONE = new DkimKey("0", false, false, "*", "*", "");
    }
}
