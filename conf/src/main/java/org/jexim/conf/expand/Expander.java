package org.jexim.conf.expand;

/**
 * The entry point of Exim's string expansion language: parse a string once, evaluate it many
 * times against a context.
 */
public final class Expander {
    private Expander() {
    }

    /** Parses an expansion string; syntax errors are reported with Exim's wording. */
    public static Expansion parse(String text) throws ExpansionException {
        throw new UnsupportedOperationException("filled in by the expansion work");
    }

    /** Parses and evaluates in one step. */
    public static String expand(String text, ExpansionContext context) throws ExpansionException {
        return parse(text).evaluate(context);
    }
}
