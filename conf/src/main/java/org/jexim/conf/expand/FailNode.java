package org.jexim.conf.expand;

/**
 * A syntax error found while parsing, kept in place so that -be reports, like Exim, any
 * failure of the text before it first.
 */
record FailNode(ExpansionException error) implements Node {
    @Override
    public void eval(Eval ev, Out out) throws ExpansionException {
        throw new ExpansionException(error.getMessage(), error.forced());
    }
}
