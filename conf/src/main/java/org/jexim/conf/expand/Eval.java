package org.jexim.conf.expand;

import java.util.Optional;
import org.jexim.conf.lists.ExpandingListEnv;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.lookup.LookupEnv;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.Lookups;

/**
 * The state of one evaluation: the context, the numbered variables of the last regex match,
 * {@code $value} and {@code $item}. One per evaluation, never shared between threads.
 */
public final class Eval {
    /** Exim's EXPAND_MAXN: $0..$20 are kept. */
    public static final int MAXN = 20;
    /** Bounds work on pathological input (e.g. deeply recursive ${expand}). */
    private static final int MAX_NESTING = 50;

    private final ExpansionContext context;
    private String[] captures = new String[0];
    private boolean capturesTainted;
    private String value;
    private boolean valueTainted;
    private String item;
    private boolean itemTainted;
    private int nesting;
    private java.util.Map<String, String> sets;

    public Eval(ExpansionContext context) {
        this.context = context;
        String[] start = context.captures();
        if (start != null) {
            captures = start;
        }
    }

    public ExpansionContext context() {
        return context;
    }

    /** The numbered variables as they stand. */
    String[] captures() {
        return captures;
    }

    /**
     * Evaluates a node into a fresh result. Exim hands each expanded argument on as a C
     * string, so the result ends at a NUL its expansion produced (a {@code \x00} escape...).
     */
    public Out expand(Node n) throws ExpansionException {
        Out o = new Out();
        n.eval(this, o);
        o.endAtNul();
        return o;
    }

    public String expandString(Node n) throws ExpansionException {
        return expand(n).toString();
    }

    /** Guards nested evaluation of run-time strings (${expand}, ${if bool{...}} recursion...). */
    public void enter() throws ExpansionException {
        if (++nesting > MAX_NESTING) {
            nesting--;
            throw new ExpansionException("expansion too deeply nested");
        }
    }

    public void leave() {
        nesting--;
    }

    // ---- numbered variables ----

    public String capture(int n) {
        return n < captures.length ? captures[n] : null;
    }

    public boolean capturesTainted() {
        return capturesTainted;
    }

    /** The saved numbered variables, to restore after an item that may change them. */
    public Object saveCaptures() {
        return new Object[] {captures, capturesTainted};
    }

    public void restoreCaptures(Object saved) {
        Object[] a = (Object[]) saved;
        captures = (String[]) a[0];
        capturesTainted = (Boolean) a[1];
    }

    public void setCaptures(String[] values, boolean tainted) {
        captures = values;
        capturesTainted = tainted;
    }

    // ---- $value and $item ----

    public String value() {
        return value;
    }

    public boolean valueTainted() {
        return valueTainted;
    }

    public void value(String v, boolean tainted) {
        value = v;
        valueTainted = tainted;
    }

    public String item() {
        return item;
    }

    public boolean itemTainted() {
        return itemTainted;
    }

    public void item(String v, boolean tainted) {
        item = v;
        itemTainted = tainted;
    }

    /** The list-matching environment of this evaluation's context; named lists are not expanded. */
    public ListEnv listEnv() {
        return listEnv(false);
    }

    /** The list-matching environment; with {@code expandNamed}, named lists are expanded first. */
    public ListEnv listEnv(boolean expandNamed) {
        return new ExpandingListEnv(context,
                expandNamed ? list -> expandString(Expander.parseLenientNode(list)) : list -> list);
    }

    /**
     * What lookups see of this evaluation: main options, expansion for wildlsearch keys, and
     * the variables they set ($ldap_dn), which this evaluation sees at once.
     */
    public LookupEnv lookupEnv() {
        LookupEnv base = ExpandingListEnv.lookupEnvOf(context);
        return new LookupEnv() {
            @Override
            public java.util.Optional<String> option(String name) {
                return base.option(name);
            }

            @Override
            public String expand(String s) throws org.jexim.conf.lookup.LookupException {
                return base.expand(s);
            }

            @Override
            public void setVariable(String name, String value) {
                Eval.this.setVariable(name, value);
            }

            @Override
            public java.util.Map<String, Object> cache() {
                return base.cache();
            }
        };
    }

    /** Appends $name's value. */
    void appendVariable(String name, Out out) throws ExpansionException {
        String v = variable(name);
        if (v == null) {
            throw new ExpansionException("unknown variable name \"" + name + "\"");
        }
        out.append(v, variableTainted(name));
    }

    /** Sets a variable as an item's side effect (see {@link ExpansionContext#setVariable}). */
    public void setVariable(String name, String value) {
        if (sets == null) {
            sets = new java.util.HashMap<>();
        }
        sets.put(name, value);
        context.setVariable(name, value);
    }

    /** $name's value, or null when unknown; $value and $item come from this evaluation. */
    public String variable(String name) {
        if (sets != null && sets.containsKey(name)) {
            String v = sets.get(name);
            return v == null ? "" : v;
        }
        switch (name) {
            case "value":
                return value == null ? "" : value;
            case "item":
                return item == null ? "" : item;
            default:
                Optional<String> v = context.variable(name);
                if (v.isPresent()) {
                    return v.get();
                }
                return Variables.known(name) ? "" : null;
        }
    }

    public boolean variableTainted(String name) {
        return switch (name) {
            case "value" -> valueTainted;
            case "item" -> itemTainted;
            default -> context.tainted(name);
        };
    }
}
