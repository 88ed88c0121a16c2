package org.jexim.conf.expand;

import java.util.List;

/** Nodes evaluated one after the other into the same result. */
record Sequence(Node[] parts) implements Node {
    static Node of(List<Node> parts) {
        if (parts.isEmpty()) {
            return new Literal("");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Sequence(parts.toArray(Node[]::new));
    }

    @Override
    public void eval(Eval ev, Out out) throws ExpansionException {
        for (Node n : parts) {
            n.eval(ev, out);
        }
    }
}
