package org.jexim.spf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one SPF check found, as Exim's variables show it: {@code $spf_result} (pass, fail,
 * softfail, neutral, none, temperror, permerror or "(invalid)"), {@code $spf_header_comment},
 * {@code $spf_smtp_comment}, {@code $spf_received} and {@code $spf_result_guessed}.
 */
public record SpfResult(String result, String headerComment, String smtpComment, String received, boolean guessed) {
    /** The result when the check could not run at all (libspf2's SPF_RESULT_INVALID). */
    public static SpfResult invalid(boolean guessed) {
        return new SpfResult("(invalid)", "", "", "", guessed);
    }

    /** The ACL condition's name for the result: "invalid" for "(invalid)". */
    public String conditionName() {
        return result.equals("(invalid)") ? "invalid" : result;
    }

    /** The expansion variables, by name without the dollar. */
    public Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("spf_result", result);
        v.put("spf_header_comment", headerComment);
        v.put("spf_smtp_comment", smtpComment);
        v.put("spf_received", received);
        v.put("spf_result_guessed", guessed ? "1" : "");
        return v;
    }
}
