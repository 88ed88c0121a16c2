package org.jexim.filter;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Exim's check that a Sieve extension is required before its first use (jSieve does not
 * check it): "missing previous require "fileinto"; in line 2".
 */
final class SieveRequires {
    /** Extension words and tags, with the capability each needs. */
    private static final Map<String, String> NEEDS = Map.of("fileinto", "fileinto", "vacation", "vacation",
            "envelope", "envelope", ":copy", "copy");

    /** The error at the first extension used before its require, with its line; null when none. */
    record Missing(int line, String text) {
    }

    private SieveRequires() {
    }

    static Missing check(String script) {
        Set<String> required = new HashSet<>();
        boolean inRequire = false;
        int line = 1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '#') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(script, i, end);
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder s = new StringBuilder();
                while (j < n && script.charAt(j) != '"') {
                    if (script.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    s.append(script.charAt(j));
                    j++;
                }
                if (inRequire) {
                    required.add(s.toString());
                }
                line += count(script, i, Math.min(j, n));
                i = Math.min(j + 1, n);
            } else if (script.startsWith("text:", i)) {
                // a multi-line string runs to a line holding only "."
                int end = script.indexOf("\n.\n", i);
                end = end < 0 ? n : end + 3;
                line += count(script, i, end);
                i = end;
            } else if (c == ':' || Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
                    j++;
                }
                String word = script.substring(i, j).toLowerCase(java.util.Locale.ROOT);
                if (word.equals("require")) {
                    inRequire = true;
                } else {
                    String needs = NEEDS.get(word);
                    if (needs != null && !required.contains(needs)) {
                        return new Missing(line, "missing previous require \"" + needs + "\"; in line " + line);
                    }
                }
                i = j;
            } else {
                if (c == ';') {
                    inRequire = false;
                }
                i++;
            }
        }
        return null;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }
}
