package org.jexim.conf.expand;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.expand.conditions.Conditions;
import org.jexim.conf.expand.items.Items;
import org.jexim.conf.expand.operators.Operators;

/**
 * Reads an expansion string into a tree of {@link Node}s, following the grammar and error
 * messages of Exim's expand_string_internal(). Errors that Exim reports even while it is only
 * scanning (syntax, unknown names) are reported here, at parse time.
 */
public final class ExpansionParser {
    /** Guards against stack exhaustion on absurdly nested input. */
    private static final int MAX_DEPTH = 1000;

    private final String s;
    private boolean lenient;
    private int pos;
    private int depth;
    private boolean malformedHeader;

    public ExpansionParser(String text) {
        this.s = text;
    }

    /** Parses a whole string; on a syntax error, the tree ends with a node failing with it. */
    static Node parseTop(String text, boolean lenient) throws ExpansionException {
        ExpansionParser p = new ExpansionParser(text);
        p.lenient = lenient;
        List<Node> parts = new ArrayList<>();
        try {
            p.parseInto(parts, false, true);
        } catch (PartialParseException e) {
            parts.add(e.partial());
        } catch (ExpansionException e) {
            if (!lenient) {
                throw e;
            }
            parts.add(new FailNode(e));
        } catch (StackOverflowError e) {
            ExpansionException x = new ExpansionException("expansion too deeply nested");
            if (!lenient) {
                throw x;
            }
            parts.add(new FailNode(x));
        }
        return Sequence.of(parts);
    }

    // ---- cursor helpers for item, operator and condition parsers ----

    public int pos() {
        return pos;
    }

    public void pos(int p) {
        pos = p;
    }

    /** The current character, or 0 at the end. */
    public char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    public char peek(int ahead) {
        int i = pos + ahead;
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** Returns the current character and moves past it (0 at the end, without moving). */
    public char next() {
        if (pos < s.length()) {
            return s.charAt(pos++);
        }
        pos++;
        return 0;
    }

    public boolean atEnd() {
        return pos >= s.length();
    }

    /** Whether syntax errors may become failures at evaluation time (see {@link PartialParseException}). */
    public boolean lenient() {
        return lenient;
    }

    /** The whole text being parsed. */
    public String source() {
        return s;
    }

    /** The rest of the input from the cursor, for error messages. */
    public String rest() {
        return pos < s.length() ? s.substring(pos) : "";
    }

    public String rest(int from) {
        return from < s.length() ? s.substring(Math.max(0, from)) : "";
    }

    /** Skips white space and returns the character then current. */
    public char skipWhite() {
        while (pos < s.length() && isSpace(s.charAt(pos))) {
            pos++;
        }
        return peek();
    }

    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    public static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    /** Exim's read_name(): letters, digits and the given extra characters. */
    public String readName(String extras) {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (isAlnum(c) || extras.indexOf(c) >= 0) {
                pos++;
            } else {
                break;
            }
        }
        String name = s.substring(start, pos);
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    public void setMalformedHeader() {
        malformedHeader = true;
    }

    /**
     * Parses an expansion string from the cursor. With {@code ketEnds}, stops at an unbalanced
     * '}' (left current); fails at the end of input.
     */
    public Node parseString(boolean ketEnds, boolean honourDollar) throws ExpansionException {
        if (++depth > MAX_DEPTH) {
            throw new ExpansionException("expansion too deeply nested");
        }
        try {
            List<Node> parts = new ArrayList<>();
            parseInto(parts, ketEnds, honourDollar);
            return Sequence.of(parts);
        } finally {
            depth--;
        }
    }

    /**
     * Like {@link #parseString}, for text that is always evaluated (an operator's operand): in
     * lenient parsing, a syntax error inside becomes a failure after the parts read before it.
     */
    public Node parseStringEvaluatedFirst() throws ExpansionException {
        if (!lenient) {
            return parseString(true, true);
        }
        if (++depth > MAX_DEPTH) {
            throw new ExpansionException("expansion too deeply nested");
        }
        List<Node> parts = new ArrayList<>();
        try {
            parseInto(parts, true, true);
            return Sequence.of(parts);
        } catch (PartialParseException e) {
            parts.add(e.partial());
            throw new PartialParseException(e, Sequence.of(parts));
        } catch (ExpansionException e) {
            parts.add(new FailNode(e));
            throw new PartialParseException(e, Sequence.of(parts));
        } finally {
            depth--;
        }
    }

    /** Like {@link #parseString} for a braced argument: the cursor is after '{'; the '}' is not consumed. */
    public Node parseArg() throws ExpansionException {
        return parseString(true, true);
    }

    private void parseInto(List<Node> parts, boolean ketEnds, boolean honourDollar) throws ExpansionException {
        StringBuilder lit = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= s.length()) {
                    throw new ExpansionException("\\ at end of string");
                }
                if (s.charAt(pos + 1) == 'N') {
                    int t = pos + 2;
                    int end = s.indexOf("\\N", t);
                    if (end < 0) {
                        lit.append(s, t, s.length());
                        pos = s.length();
                    } else {
                        lit.append(s, t, end);
                        pos = end + 2;
                    }
                } else {
                    pos = Escapes.interpret(s, pos, lit) + 1;
                }
                continue;
            }
            if (ketEnds && c == '}') {
                break;
            }
            if (c != '$' || !honourDollar) {
                int i = pos + 1;
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if (d == '$' || d == '}' || d == '\\') {
                        break;
                    }
                    i++;
                }
                lit.append(s, pos, i);
                pos = i;
                continue;
            }
            pos++;
            Node n = parseDollar();
            if (n != null) {
                flush(parts, lit);
                parts.add(n);
            }
        }
        flush(parts, lit);
        if (ketEnds && pos >= s.length()) {
            throw new ExpansionException(malformedHeader
                    ? "missing } at end of string - could be header name not terminated by colon"
                    : "missing } at end of string");
        }
    }

    private static void flush(List<Node> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    /** After a '$': a variable, a numbered variable, or a braced item/operator/variable. */
    private Node parseDollar() throws ExpansionException {
        char c = peek();
        if (isAlpha(c)) {
            String name = readName("_");
            HeaderRef h = HeaderRef.forName(name, this);
            if (h != null) {
                return h;
            }
            return VariableRef.of(name, false);
        }
        if (isDigit(c)) {
            return new CaptureRef(readNumber());
        }
        if (c != '{') {
            throw new ExpansionException("$ not followed by letter, digit, or {");
        }
        pos++;
        if (isDigit(peek())) {
            int n = readNumber();
            if (next() != '}') {
                throw new ExpansionException("} expected after number");
            }
            return new CaptureRef(n);
        }
        if (!isAlpha(peek())) {
            throw new ExpansionException("letter or digit expected after ${");
        }
        String name = readName("_-");
        if (++depth > MAX_DEPTH) {
            throw new ExpansionException("expansion too deeply nested");
        }
        try {
            Node item = Items.parse(name, this);
            if (item != null) {
                return item;
            }
            if (peek() == ':') {
                return Operators.parse(name, this);
            }
            if (next() == '}') {
                return VariableRef.of(name, true);
            }
            throw new ExpansionException("\"${" + name
                    + "\" is not a known operator (or a } is missing in a variable reference)");
        } finally {
            depth--;
        }
    }

    private int readNumber() {
        long n = 0;
        while (isDigit(peek())) {
            n = n * 10 + (next() - '0');
            if (n > Integer.MAX_VALUE) {
                n = Integer.MAX_VALUE;
            }
        }
        return (int) n;
    }

    // ---- helpers shared by items and conditions ----

    /**
     * Exim's read_subs(): up to {@code n} braced arguments, at least {@code m}; with
     * {@code checkEnd}, the closing '}' of the item must follow.
     */
    public Node[] readSubs(int n, int m, boolean checkEnd, String name) throws ExpansionException {
        List<Node> subs = new ArrayList<>();
        skipWhite();
        for (int i = 0; i < n; i++) {
            if (peek() != '{') {
                if (i < m) {
                    throw curly("Not enough arguments for '" + name + "' (min is " + m + ")");
                }
                break;
            }
            pos++;
            subs.add(parseArg());
            if (next() != '}') {
                throw curly(null);
            }
            skipWhite();
        }
        if (checkEnd) {
            char c = next();
            if (c != '}') {
                if (c == '{') {
                    throw new ExpansionException("Too many arguments for '" + name + "' (max is " + n + ")");
                }
                throw curly("missing '}' after '" + name + "'");
            }
        }
        return subs.toArray(Node[]::new);
    }

    /** Exim's EXPAND_FAILED_CURLY message. */
    public ExpansionException curly(String message) {
        if (malformedHeader) {
            return new ExpansionException("missing or misplaced { or } - could be header name not terminated by colon");
        }
        return new ExpansionException(message == null || message.isEmpty() ? "missing or misplaced { or }" : message);
    }

    /** Parses a condition (after optional '!'s) at the cursor. */
    public Condition parseCondition() throws ExpansionException {
        if (++depth > MAX_DEPTH) {
            throw new ExpansionException("expansion too deeply nested");
        }
        try {
            return Conditions.parse(this);
        } finally {
            depth--;
        }
    }

    /**
     * Exim's process_yesno(): after a condition or lookup, the optional {yes}{no} or {yes}fail
     * strings and the item's closing '}'.
     */
    public YesNo parseYesNo(String type) throws ExpansionException {
        if (skipWhite() == '}') {
            pos++;
            return new YesNo(null, null, false);
        }
        if (next() != '{') {
            throw yesnoCurly("'yes' part did not start with '{'");
        }
        Node yes = parseArg();
        if (next() != '}') {
            throw yesnoCurly("'yes' part did not end with '}'");
        }
        Node no = null;
        boolean fail = false;
        if (skipWhite() == '{') {
            pos++;
            no = parseArg();
            if (next() != '}') {
                throw yesnoCurly("'no' part did not start with '{'");
            }
        } else if (peek() != '}') {
            String word = readName("_");
            if (!word.equals("fail")) {
                throw new ExpansionException("syntax error in \"" + type + "\" item - \"fail\" expected");
            }
            fail = true;
        }
        skipWhite();
        if (next() != '}') {
            throw yesnoCurly(fail ? "did not close with '}' after forcedfail" : "did not close with '}'");
        }
        return new YesNo(yes, no == null && !fail ? null : no, fail);
    }

    private ExpansionException yesnoCurly(String where) {
        pos--;
        if (malformedHeader) {
            return curly(null);
        }
        return new ExpansionException("curly-bracket problem in conditional yes/no parsing: " + where
                + "\n remaining string is '" + rest() + "'");
    }

    /** The optional strings after a condition or lookup; null parts are absent. */
    public record YesNo(Node yes, Node no, boolean fail) {
    }
}
