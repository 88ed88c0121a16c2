package org.jexim.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.expand.Pcre;
import org.jexim.conf.lists.ExiList;

/**
 * The {@code regex} and {@code mime_regex} conditions (Exim's regex.c): a colon-separated list
 * of PCRE patterns; {@code regex} matches line by line (lines up to 32K) over the whole message
 * in the DATA ACL or the raw part in the MIME ACL; {@code mime_regex} matches the first 32K of
 * the decoded part at once. The first pattern that matches sets {@code $regex_match_string}
 * and {@code $regex1}..; the condition is then true.
 */
public final class RegexScan {
    private static final int LIMIT = 32 * 1024;

    private RegexScan() {
    }

    /** {@code regex}: true when a pattern matches one line of {@code text}. */
    public static boolean linewise(String patterns, byte[] text, Map<String, String> vars) throws Pcre.RegexError {
        List<Pattern> compiled = compile(patterns);
        String all = new String(text, StandardCharsets.ISO_8859_1);
        for (String line : all.split("\n", -1)) {
            String l = line.length() > LIMIT ? line.substring(0, LIMIT) : line;
            if (match(compiled, patterns, l, vars)) {
                return true;
            }
        }
        return false;
    }

    /** {@code mime_regex}: true when a pattern matches within the first 32K of the decoded part. */
    public static boolean whole(String patterns, byte[] decoded, Map<String, String> vars) throws Pcre.RegexError {
        String s = new String(decoded, 0, Math.min(decoded.length, LIMIT), StandardCharsets.ISO_8859_1);
        return match(compile(patterns), patterns, s, vars);
    }

    private static List<Pattern> compile(String patterns) throws Pcre.RegexError {
        List<Pattern> out = new ArrayList<>();
        for (String p : ExiList.items(patterns)) {
            out.add(Pcre.compile(p, false));
        }
        return out;
    }

    private static boolean match(List<Pattern> compiled, String patterns, String subject, Map<String, String> vars) {
        List<String> sources = ExiList.items(patterns);
        for (int i = 0; i < compiled.size(); i++) {
            Matcher m = Pcre.matcher(compiled.get(i), subject);
            if (m.find()) {
                vars.put("regex_match_string", sources.get(i));
                for (int g = 1; g <= Math.min(m.groupCount(), 9); g++) {
                    vars.put("regex" + g, m.group(g) == null ? "" : m.group(g));
                }
                return true;
            }
        }
        return false;
    }
}
