package org.jexim.conf.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;

/** Reads the acl section into named ACLs of statements, as Exim's readconf_acl() and acl_read(). */
public final class AclReader {
    /** The ACL conditions of Exim 4.96 (as built by Debian: content scanning, DKIM, SPF). */
    public static final Set<String> CONDITIONS = Set.of("acl", "authenticated", "condition", "decode", "dkim_signers",
            "dkim_status", "dnslists", "domains", "encrypted", "hosts", "local_parts", "malware", "mime_regex",
            "ratelimit", "recipients", "regex", "seen", "senders", "sender_domains", "spam", "spf", "spf_guess",
            "verify");
    /** The ACL modifiers of Exim 4.96. */
    public static final Set<String> MODIFIERS = Set.of("add_header", "continue", "control", "delay", "endpass", "logwrite",
            "log_message", "log_reject_target", "message", "queue", "remove_header", "set", "udpsend");

    private final LineReader lines;
    private final MacroTable macros;

    AclReader(LineReader lines, MacroTable macros) {
        this.lines = lines;
        this.macros = macros;
    }

    Map<String, Acl> read() throws ConfigurationException {
        Map<String, Acl> acls = new LinkedHashMap<>();
        LogicalLine line = lines.next();
        while (line != null) {
            Names name = name(line, 0);
            String text = line.text();
            if (Ascii.isUpper(Ascii.at(name.name(), 0)) && Ascii.at(text, name.end()) == '=') {
                macros.define(text, line.last());
                line = lines.next();
                continue;
            }
            if (Ascii.at(text, name.end()) != ':' || name.name().isEmpty()) {
                throw new ConfigurationException(line.last(), "missing or malformed ACL name");
            }
            if (acls.containsKey(name.name())) {
                throw new ConfigurationException(line.last(), "there are two ACLs called \"" + name.name() + "\"");
            }
            List<AclStatement> statements = new ArrayList<>();
            LogicalLine header = line;
            line = readStatements(statements);
            acls.put(name.name(), new Acl(name.name(), List.copyOf(statements), header.start()));
        }
        return acls;
    }

    /** Reads statements up to the next ACL name or macro definition, which it returns (or null). */
    private LogicalLine readStatements(List<AclStatement> statements) throws ConfigurationException {
        AclVerb verb = null;
        List<AclItem> items = null;
        LogicalLine verbLine = null;
        LogicalLine line;
        while ((line = lines.next()) != null) {
            String s = line.text();
            boolean negated = false;
            int i = Ascii.skipSpace(s, 0);
            if (Ascii.at(s, i) == '!') {
                negated = true;
                i++;
            }
            Names name = name(line, i);
            i = name.end();
            if (Ascii.at(s, i) == ':' || Ascii.isUpper(Ascii.at(name.name(), 0)) && Ascii.at(s, i) == '=') {
                break;
            }
            AclVerb v = verb(name.name());
            String item = name.name();
            if (v == null) {
                if (verb == null) {
                    throw error(line, "unknown ACL verb \"" + item + "\" in \"" + s + "\"");
                }
            } else {
                if (negated) {
                    throw error(line, "malformed ACL line \"" + s + "\"");
                }
                if (verb != null) {
                    statements.add(new AclStatement(verb, List.copyOf(items), verbLine.start()));
                }
                verb = v;
                verbLine = line;
                items = new ArrayList<>();
                if (i >= s.length()) {
                    continue;
                }
                if (s.charAt(i) == '!') {
                    negated = true;
                    i++;
                }
                Names cond = name(line, i);
                item = cond.name();
                i = cond.end();
            }
            items.add(item(line, verb, item, negated, s, i));
        }
        if (verb != null) {
            statements.add(new AclStatement(verb, List.copyOf(items), verbLine.start()));
        }
        return line;
    }

    private static AclItem item(LogicalLine line, AclVerb verb, String name, boolean negated, String s, int i)
            throws ConfigurationException {
        boolean modifier = MODIFIERS.contains(name);
        if (!modifier && !CONDITIONS.contains(name)) {
            throw error(line, "unknown ACL condition/modifier in \"" + s + "\"");
        }
        if (negated && modifier) {
            throw error(line, "ACL error: negation is not allowed with \"" + name + "\"");
        }
        if (name.equals("endpass")) {
            if (verb != AclVerb.ACCEPT && verb != AclVerb.DISCARD) {
                throw error(line, "ACL error: \"endpass\" is not allowed with \"" + verb.keyword() + "\"");
            }
            return new AclItem(name, false, true, null, line.start());
        }
        String prefix = "";
        if (name.equals("set")) {
            int end = setVariable(line, s, i);
            prefix = s.substring(i, end);
            i = Ascii.skipSpace(s, end);
        }
        if (Ascii.at(s, i) != '=') {
            throw error(line, "\"=\" missing after ACL \"" + name + "\" " + (modifier ? "modifier" : "condition"));
        }
        String value = s.substring(Ascii.skipSpace(s, i + 1));
        return new AclItem(name, negated, modifier, prefix.isEmpty() ? value : prefix + " = " + value, line.start());
    }

    /** Checks the variable name after "set" as Exim does; returns where the name ends. */
    private static int setVariable(LogicalLine line, String s, int i) throws ConfigurationException {
        String rest = s.substring(i);
        if (rest.startsWith("dkim_verify_status") || rest.startsWith("dkim_verify_reason")) {
            if (Ascii.isAlnum(Ascii.at(rest, 18))) {
                throw error(line, "invalid variable name after \"set\" in ACL modifier \"set " + rest
                        + "\" (only \"dkim_verify_status\" or \"dkim_verify_reason\" permitted)");
            }
            return i + 18;
        }
        if (!rest.startsWith("acl_c") && !rest.startsWith("acl_m")) {
            throw error(line, "invalid variable name after \"set\" in ACL modifier \"set " + rest
                    + "\" (must start \"acl_c\" or \"acl_m\")");
        }
        int e = 5;
        if (!Ascii.isDigit(Ascii.at(rest, e)) && Ascii.at(rest, e) != '_') {
            throw error(line, "invalid variable name after \"set\" in ACL modifier \"set " + rest
                    + "\" (digit or underscore must follow acl_c or acl_m)");
        }
        while (e < rest.length() && rest.charAt(e) != '=' && !Ascii.isSpace(rest.charAt(e))) {
            if (!Ascii.isNameChar(rest.charAt(e))) {
                throw error(line, "invalid character \"" + rest.charAt(e) + "\" in variable name in ACL modifier \"set "
                        + rest + "\"");
            }
            e++;
        }
        return i + e;
    }

    private static AclVerb verb(String name) {
        for (AclVerb v : AclVerb.values()) {
            if (v.keyword().equals(name)) {
                return v;
            }
        }
        return null;
    }

    private static Names name(LogicalLine line, int from) throws ConfigurationException {
        try {
            return Names.read(line.text(), from);
        } catch (Names.NameTooLong e) {
            throw new ConfigurationException(line.last(), e.getMessage());
        }
    }

    private static ConfigurationException error(LogicalLine line, String message) {
        return new ConfigurationException(line.last(), "error in ACL: " + message);
    }
}
