package org.jexim.conf.expand;

/** Literal text, after escape processing. */
record Literal(String text) implements Node {
    @Override
    public void eval(Eval ev, Out out) {
        out.append(text);
    }
}
