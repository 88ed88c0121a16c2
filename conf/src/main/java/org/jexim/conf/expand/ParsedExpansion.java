package org.jexim.conf.expand;

/** The tree of a parsed string; evaluation state lives in a fresh {@link Eval}. */
record ParsedExpansion(String text, Node root) implements Expansion {
    @Override
    public String evaluate(ExpansionContext context) throws ExpansionException {
        return evaluateWithTaint(context).value();
    }

    @Override
    public Result evaluateWithTaint(ExpansionContext context) throws ExpansionException {
        Eval ev = new Eval(context);
        Out out = new Out();
        try {
            root.eval(ev, out);
        } catch (StackOverflowError e) {
            throw new ExpansionException("expansion too deeply nested");
        } finally {
            context.keepCaptures(ev.captures());
        }
        return new Result(out.toString(), out.tainted());
    }
}
