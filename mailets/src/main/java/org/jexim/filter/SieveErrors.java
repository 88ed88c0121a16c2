package org.jexim.filter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exim's Sieve error texts ("key string list expected in line 2") for jSieve's messages about
 * the same mistakes; a message it cannot map is kept as jSieve wrote it.
 */
final class SieveErrors {
    private static final Pattern AT = Pattern.compile("[Ll]ine (\\d+),? column (\\d+)");
    private static final Pattern ENCOUNTERED = Pattern.compile("(?s)Encountered \"(.*?)\" at line (\\d+), column \\d+\\."
            + "\\s*Was expecting one of:(.*)");
    private static final Pattern NOT_MAPPED = Pattern.compile("(Command|Test) named '([^']*)' not mapped\\.");
    private static final Pattern IN_LINE = Pattern.compile(" in line (\\d+)$");
    private static final Pattern ARGUMENT_COUNT = Pattern.compile("Exactly 1 argument permitted\\. Found 0");

    private SieveErrors() {
    }

    /** Exim's text for a jSieve error on {@code script}, or jSieve's own text when there is none. */
    static String text(String message, String script) {
        String mapped = map(message, script);
        return mapped != null ? mapped : message;
    }

    /** The line an Exim text names ("... in line 3"), or the largest int when it names none. */
    static int line(String eximText) {
        Matcher m = IN_LINE.matcher(eximText);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static String map(String message, String script) {
        Matcher e = ENCOUNTERED.matcher(message);
        if (e.find()) {
            return encountered(e.group(1).strip(), Integer.parseInt(e.group(2)), e.group(3), script);
        }
        Matcher n = NOT_MAPPED.matcher(message);
        if (n.find()) {
            // jSieve names the word but not its line: the first line where it stands as a word
            int line = lineOfWord(script, n.group(2));
            return line < 0 ? null : (n.group(1).equals("Test") ? "unknown capability" : "syntax error")
                    + " in line " + line;
        }
        Matcher at = AT.matcher(message);
        if (!at.find()) {
            return null;
        }
        int line = Integer.parseInt(at.group(1));
        String where = " in line " + line;
        if (message.startsWith("Expecting a StringList of keys")) {
            return "key string list expected" + where;
        }
        if (message.startsWith("Expecting a Block")) {
            return "missing block" + where;
        }
        if (message.startsWith("Expecting a Number")) {
            return "missing number" + where;
        }
        if (message.startsWith("Found unexpected arguments")) {
            return "missing semicolon" + where;
        }
        if (message.startsWith("Unexpected Command")) {
            return "syntax error" + where;
        }
        if (message.startsWith("Found unexpected TagArgument") || message.startsWith("Expecting exactly one argument")) {
            // Exim reads the test's tags, then wants its header list: an unknown tag or none is that mistake
            String test = testAt(script, line, Integer.parseInt(at.group(2)));
            boolean headerList = message.startsWith("Found") ? test.equals("header") : test.equals("exists");
            return headerList ? "header string list expected" + where : null;
        }
        if (ARGUMENT_COUNT.matcher(message).find()) {
            String command = wordAt(script, line, Integer.parseInt(at.group(2)));
            return switch (command) {
                case "fileinto" -> "missing fileinto folder string" + where;
                case "redirect" -> "missing redirect recipient string" + where;
                default -> null;
            };
        }
        return null;
    }

    /** A token jSieve's grammar did not expect: Exim names what it missed, at the line it reached. */
    private static String encountered(String token, int line, String expected, String script) {
        // at the end, Exim has counted the script's last newline
        int at = token.equals("<EOF>") ? (int) script.chars().filter(c -> c == '\n').count() + 1 : line;
        if (expected.contains("\")\"") && expected.contains("\",\"")) {
            return "missing closing paren in line " + at;
        }
        if (expected.contains("\";\"")) {
            return "missing semicolon in line " + at;
        }
        if (expected.contains("\"}\"")) {
            return "expecting command or closing brace in line " + at;
        }
        if (expected.contains("<EOF>")) {
            return "syntax error in line " + at;
        }
        return null;
    }

    private static int lineOfWord(String script, String word) {
        Matcher m = Pattern.compile("(?<![\\w\"])" + Pattern.quote(word) + "(?![\\w\"])").matcher(script);
        if (!m.find()) {
            m = Pattern.compile(Pattern.quote("\"" + word + "\"")).matcher(script);
            if (!m.find()) {
                return -1;
            }
        }
        return (int) script.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The test after the "if", "elsif" or "not" at this place, e.g. "header". */
    private static String testAt(String script, int line, int column) {
        String[] lines = script.split("\n", -1);
        if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
            return "";
        }
        Matcher m = Pattern.compile("\\s*(?:(?:if|elsif|not)\\s+)*(\\w+)").matcher(lines[line - 1].substring(column - 1));
        return m.lookingAt() ? m.group(1) : "";
    }

    private static String wordAt(String script, int line, int column) {
        String[] lines = script.split("\n", -1);
        if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
            return "";
        }
        Matcher m = Pattern.compile("\\w+").matcher(lines[line - 1].substring(column - 1));
        return m.lookingAt() ? m.group() : "";
    }
}
