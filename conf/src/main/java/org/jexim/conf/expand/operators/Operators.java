package org.jexim.conf.expand.operators;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Out;

/** The operators of Exim 4.96 ({@code ${lc:}}, {@code ${md5:}}, {@code ${mask:}}, ...), by name. */
public final class Operators {
    /** Operators whose names contain '_' (Exim's op_table_underscore); for the rest '_' starts arguments. */
    private static final Set<String> UNDERSCORE_NAMES = Set.of("from_utf8", "local_part", "quote_local_part",
            "reverse_ip", "time_eval", "time_interval", "utf8_domain_from_alabel", "utf8_domain_to_alabel",
            "utf8_localpart_from_alabel", "utf8_localpart_to_alabel");

    private static final Map<String, Operator> OPERATORS = new HashMap<>();

    static {
        TextOperators.register(OPERATORS);
        DigestOperators.register(OPERATORS);
        EncodingOperators.register(OPERATORS);
        QuoteOperators.register(OPERATORS);
        AddressOperators.register(OPERATORS);
        IpOperators.register(OPERATORS);
        NumberOperators.register(OPERATORS);
        ListOperators.register(OPERATORS);
        Utf8Operators.register(OPERATORS);
        MiscOperators.register(OPERATORS);
    }

    private Operators() {
    }

    /** Parses {@code :operand}} after an operator name; fails for unknown operators, as Exim does when scanning. */
    public static Node parse(String name, ExpansionParser p) throws ExpansionException {
        Operator op;
        String arg = null;
        if (UNDERSCORE_NAMES.contains(name)) {
            op = OPERATORS.get(name);
        } else {
            int u = name.indexOf('_');
            String base = u < 0 ? name : name.substring(0, u);
            arg = u < 0 ? null : name.substring(u + 1);
            op = OPERATORS.get(base);
        }
        p.next();
        Node cert = CertificateOperand.parse(name, op, p);
        if (cert != null) {
            return cert;
        }
        Node sub = p.parseStringEvaluatedFirst();
        p.next();
        if (op == null) {
            throw new ExpansionException("unknown expansion operator \"" + name + "\"");
        }
        return new OperatorNode(name, arg, op, sub);
    }

    /** An operator applied to its operand. */
    private record OperatorNode(String name, String arg, Operator op, Node sub) implements Node {
        @Override
        public void eval(Eval ev, Out out) throws ExpansionException {
            Out in = ev.expand(sub);
            op.apply(ev, name, arg, in, out);
        }
    }
}
