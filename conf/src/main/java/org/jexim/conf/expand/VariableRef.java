package org.jexim.conf.expand;

/** {@code $name} or {@code ${name}}. */
record VariableRef(String name) implements Node {
    static Node of(String name, boolean braced) throws ExpansionException {
        if (!Variables.known(name)) {
            throw new ExpansionException((braced ? "unknown variable in \"${" + name + "}\""
                    : "unknown variable name \"" + name + "\"") + Variables.hint(name));
        }
        return new VariableRef(name);
    }

    @Override
    public void eval(Eval ev, Out out) throws ExpansionException {
        ev.appendVariable(name, out);
    }
}
