package org.jexim.conf.expand;

/**
 * The entry point of Exim's string expansion language: parse a string once, evaluate it many
 * times against a context. Strings are handled as Exim handles them, as bytes: callers that
 * hold UTF-8 text pass it as ISO-8859-1 characters, one char per byte (the -be command does).
 */
public final class Expander {
    private Expander() {
    }

    /** Parses an expansion string; syntax errors are reported with Exim's wording. */
    public static Expansion parse(String text) throws ExpansionException {
        return new ParsedExpansion(text, ExpansionParser.parseTop(text, false));
    }

    /**
     * Parses without failing: a syntax error becomes a failure at the point of evaluation where
     * Exim, which parses while it evaluates, would meet it (after failures earlier in the text).
     */
    public static Expansion parseLenient(String text) {
        try {
            return new ParsedExpansion(text, ExpansionParser.parseTop(text, true));
        } catch (ExpansionException e) {
            return new ParsedExpansion(text, new FailNode(e));
        }
    }

    /** The tree of a run-time string (${expand:...}), parsed leniently. */
    public static Node parseLenientNode(String text) {
        return ((ParsedExpansion) parseLenient(text)).root();
    }

    /** Parses and evaluates with the numbered variables $0, $1 ... already set (rewrite replacements). */
    public static String expand(String text, ExpansionContext context, String[] captures) throws ExpansionException {
        Eval ev = new Eval(context);
        ev.setCaptures(captures, false);
        return ev.expandString(((ParsedExpansion) parse(text)).root());
    }

    /** Parses and evaluates in one step. */
    public static String expand(String text, ExpansionContext context) throws ExpansionException {
        return parse(text).evaluate(context);
    }
}
