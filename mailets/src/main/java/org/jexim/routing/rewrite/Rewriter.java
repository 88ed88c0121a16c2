package org.jexim.routing.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexim.conf.expand.AddressParser;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ExpandingListEnv;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.ListMatch;
import org.jexim.conf.lists.Lists;
import org.jexim.conf.model.RewriteRule;

/**
 * Exim's address rewriting (rewrite.c): a chain of rules from the rewrite section or a
 * transport's headers_rewrite, applied to one address ({@link #rewriteOne}), to an envelope
 * address after qualification ({@link #rewriteAddress}), or to each address of a header line
 * ({@link HeaderRewriter}).
 */
public final class Rewriter {
    /** One rule with its flag bits. */
    record Rule(String key, String replacement, int flags) {
    }

    /** A rewritten address: the new text, whether anything changed, whether a w rule replaced the whole. */
    public record Result(String value, boolean changed, boolean whole) {
    }

    private final List<Rule> rules;
    private final int existFlags;
    private final ExpansionContext context;
    private final String qualifyRecipient;
    private final String qualifySender;

    /**
     * @param global true for the rewrite section (no where-flag means headers and envelope),
     *               false for headers_rewrite (headers only)
     */
    public Rewriter(List<RewriteRule> rules, boolean global, ExpansionContext context, String qualifyRecipient,
                    String qualifySender) {
        List<Rule> list = new ArrayList<>();
        int exist = 0;
        for (RewriteRule r : rules) {
            int flags = RewriteFlags.of(r.flags() == null ? "" : r.flags(), global);
            list.add(new Rule(r.pattern(), r.replacement(), flags));
            exist |= flags;
        }
        this.rules = List.copyOf(list);
        this.existFlags = exist;
        this.context = context;
        this.qualifyRecipient = qualifyRecipient;
        this.qualifySender = qualifySender;
    }

    /** Exim's rewrite_existflags: the union of the rules' flags. */
    public int existFlags() {
        return existFlags;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** rewrite_address_qualify: the address with the qualify domain added when it has no @. */
    public String qualify(String address, boolean recipient) {
        return hasAt(address) ? address : address + "@" + (recipient ? qualifyRecipient : qualifySender);
    }

    /** An envelope address (rewrite_address): qualified, then the E/F/T rules applied. */
    public String rewriteAddress(String address, boolean recipient) {
        int flag = recipient ? RewriteFlags.ENV_TO : RewriteFlags.ENV_FROM;
        String s = qualify(address, recipient);
        if ((existFlags & flag) != 0) {
            return rewriteOne(s, flag, false).value();
        }
        return s;
    }

    /** The SMTP-time (S) rewrite of a MAIL FROM or RCPT TO argument, as typed. */
    public Result rewriteSmtp(String argument, boolean sender) {
        if ((existFlags & RewriteFlags.SMTP) == 0) {
            return new Result(argument, false, false);
        }
        return rewriteOne(argument, RewriteFlags.SMTP | (sender ? RewriteFlags.SMTP_SENDER : 0), false);
    }

    /**
     * rewrite_one: the rules whose flags include {@code flag}, in order; {@code header} when the
     * address comes from a header (then w rules may replace the whole mailbox text).
     */
    public Result rewriteOne(String s, int flag, boolean header) {
        String yield = s;
        String subject = s;
        boolean done = false;
        boolean changed = false;
        boolean whole = false;
        int yieldStart = 0;
        int yieldEnd = 0;
        rules:
        for (Rule rule : rules) {
            if (done) {
                break;
            }
            if ((rule.flags() & flag) == 0) {
                continue;
            }
            int count = 0;
            while (true) {
                String replacement;
                try {
                    Optional<String> expanded = replacement(rule, subject, flag);
                    if (expanded.isEmpty()) {
                        continue rules; // the pattern did not match
                    }
                    replacement = expanded.get();
                } catch (Stop stop) {
                    break rules;
                } catch (ExpansionException e) {
                    if (e.forced()) {
                        if ((rule.flags() & RewriteFlags.QUIT) != 0) {
                            break rules;
                        }
                        continue rules;
                    }
                    break rules; // Exim writes "Expansion of ... failed while rewriting" to the panic log
                }
                boolean allowNull = flag == RewriteFlags.ENV_FROM
                        || flag == (RewriteFlags.SMTP | RewriteFlags.SMTP_SENDER);
                AddressParser.Span span = AddressParser.extractSpan(replacement, allowNull);
                if (span.parsed() == null) {
                    break rules; // "yielded unparseable address"
                }
                String newParsed = span.parsed().address();
                int start = span.start();
                int end = span.end();
                if (span.parsed().domain() == 0 && (!newParsed.isEmpty() || !allowNull)) {
                    if ((rule.flags() & RewriteFlags.QUALIFY) == 0) {
                        break rules; // "yielded unqualified address"
                    }
                    newParsed = qualify(newParsed, true);
                    replacement = replacement.substring(0, start) + newParsed + replacement.substring(end);
                    end = start + newParsed.length();
                }
                changed = true;
                if (header && (flag & RewriteFlags.ALL_HEADERS) != 0) {
                    if ((rule.flags() & RewriteFlags.WHOLE) != 0) {
                        if (start > 0 && replacement.charAt(start - 1) == '<') {
                            int p1 = start - 1;
                            int p2 = Math.min(end + 1, replacement.length());
                            while (p1 > 0 && replacement.charAt(p1 - 1) == ' ') {
                                p1--;
                            }
                            String pf1 = Phrases.fix(replacement.substring(0, p1));
                            while (p2 < replacement.length() && replacement.charAt(p2) == ' ') {
                                p2++;
                            }
                            String pf2 = Phrases.fix(replacement.substring(p2));
                            start = pf1.length() + start - p1;
                            end = start + newParsed.length();
                            replacement = pf1 + replacement.substring(p1, p2) + pf2;
                        }
                        yield = replacement;
                        yieldStart = start;
                        yieldEnd = end;
                        subject = newParsed;
                        whole = true;
                    } else if (!whole) {
                        subject = yield = newParsed;
                    } else {
                        subject = newParsed;
                        yield = yield.substring(0, yieldStart) + subject + yield.substring(yieldEnd);
                        yieldEnd = yieldStart + subject.length();
                    }
                } else {
                    subject = yield = newParsed;
                }
                if ((rule.flags() & RewriteFlags.QUIT) != 0) {
                    done = true;
                }
                if ((rule.flags() & RewriteFlags.REPEAT) != 0 && count++ < 10) {
                    continue;
                }
                break;
            }
        }
        return new Result(yield, changed, whole);
    }

    /** Thrown for a matching rule whose replacement is "*": no rewriting, no further rules. */
    private static final class Stop extends Exception {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The expanded replacement when the rule's pattern matches the subject; empty when it does not. */
    private Optional<String> replacement(Rule rule, String subject, int flag) throws ExpansionException, Stop {
        if ((flag & RewriteFlags.SMTP) != 0) {
            String key;
            try {
                key = Expander.expand(rule.key(), context);
            } catch (ExpansionException e) {
                return Optional.empty();
            }
            ListMatch m = Lists.stringItem(subject, key, false, listEnv(context));
            if (!m.matched()) {
                return Optional.empty();
            }
            return Optional.of(Expander.expand(rule.replacement(), context, captures(m, subject)));
        }
        int at = subject.lastIndexOf('@');
        String localPart = subject.substring(0, Math.max(at, 0));
        String domain = subject.substring(at + 1);
        ExpansionContext addressContext = new AddressContext(context, localPart, domain);
        String key;
        try {
            key = Expander.expand(rule.key(), addressContext);
        } catch (ExpansionException e) {
            return Optional.empty();
        }
        ListMatch m = Lists.addressPattern(subject, key, listEnv(addressContext));
        if (!m.matched()) {
            return Optional.empty();
        }
        if (rule.replacement().equals("*")) {
            throw new Stop();
        }
        return Optional.of(Expander.expand(rule.replacement(), addressContext, captures(m, subject)));
    }

    private static String[] captures(ListMatch m, String subject) {
        return m.captures() == null ? new String[] {subject} : m.captures();
    }

    private static ListEnv listEnv(ExpansionContext c) {
        return new ExpandingListEnv(c);
    }

    /** parse_find_at: scanning back, an unescaped @ before any quote. */
    static boolean hasAt(String s) {
        for (int t = s.length() - 1; t >= 0; t--) {
            char c = s.charAt(t);
            if (c == '@') {
                int backslashes = 0;
                for (int tt = t - 1; tt > 0 && s.charAt(tt) == '\\'; tt--) {
                    backslashes++;
                }
                if ((backslashes & 1) == 0) {
                    return true;
                }
            } else if (c == '"') {
                return false;
            }
        }
        return false;
    }

    /** The expansion context of a replacement: $local_part and $domain of the address being rewritten. */
    private record AddressContext(ExpansionContext base, String localPart, String domain) implements ExpansionContext {
        @Override
        public Optional<String> variable(String name) {
            return switch (name) {
                case "local_part" -> Optional.of(localPart);
                case "domain" -> Optional.of(domain);
                default -> base.variable(name);
            };
        }

        @Override
        public org.jexim.conf.lists.NamedLists namedLists() {
            return base.namedLists();
        }

        @Override
        public org.jexim.conf.lookup.Lookups lookups() {
            return base.lookups();
        }

        @Override
        public java.util.Optional<String> option(String name) {
            return base.option(name);
        }
    }
}
