/**
 * Exim's string expansion language ({@code ${...}}), as Exim 4.96 (Debian's build) evaluates it.
 *
 * <h2>Use</h2>
 * {@link org.jexim.conf.expand.Expander#parse} reads a string once into an immutable tree
 * ({@link org.jexim.conf.expand.Expansion}) that may be evaluated any number of times, from any
 * number of threads, against an {@link org.jexim.conf.expand.ExpansionContext} (variables,
 * headers, named lists, lookups, ACLs, authentication backends, certificates). Failures are
 * {@link org.jexim.conf.expand.ExpansionException}s carrying Exim's message, flagged when
 * forced ({@code fail}). {@link org.jexim.conf.expand.Expansion#evaluateWithTaint} tells whether
 * the result holds tainted data; {@link org.jexim.conf.expand.Taint} refuses it where Exim
 * does. {@link org.jexim.conf.expand.Headers} gives header variables their Exim values, and
 * {@link org.jexim.conf.expand.be.BeSession} is the {@code -be} loop.
 *
 * <h2>Structure</h2>
 * The parser ({@link org.jexim.conf.expand.ExpansionParser}) follows expand_string_internal():
 * errors Exim reports even in a branch it skips (syntax, unknown variables, operators,
 * conditions, lookup types) are reported at parse time; the others at evaluation. Items live
 * in {@code items} (one class per family), operators in {@code operators}, conditions in
 * {@code conditions}; list matching is {@code org.jexim.conf.lists}, lookups
 * {@code org.jexim.conf.lookup}. Strings are byte strings: one char per byte (ISO-8859-1).
 *
 * <h2>Regular expressions</h2>
 * PCRE2 patterns are translated to java.util.regex by {@link org.jexim.conf.expand.Pcre}.
 * Java cannot express, and jexim refuses with an error naming the construct: {@code \K},
 * recursion ({@code (?R)}, {@code (?1)}, {@code (?&name)}, {@code (?P>name)}), conditional
 * groups {@code (?(...)...)}, branch reset {@code (?|...)}, callouts {@code (?C)}, backtracking
 * verbs {@code (*VERB)}, relative back references {@code \g{-1}}, the options {@code (?n)},
 * {@code (?J)}, {@code (?U)}, and POSIX collating elements {@code [.x.]} {@code [=x=]}. Where
 * PCRE2 and Java differ in meaning, the translation keeps PCRE2's: '[' and '&&' are literal in
 * classes, a leading ']' is literal, '{' that is not a quantifier is literal, only \n ends a
 * line. Runaway backtracking stops at a match limit and counts as no match, as in Exim.
 *
 * <h2>Known differences from exim4 -be</h2>
 * Listed with reasons in the test resources {@code expand/known-differences.txt}: the json
 * lookup (not in Debian's build), SQL lookups (JDBC instead of client libraries), ${perl} and
 * ${dlfunc} (refused), LDAP and NIS (not served), leftover global state Exim shows between -be
 * lines (stale $value, $item, numbered variables, search messages), and ordering of a syntax
 * error after a runtime failure inside items other than ${if} and ${lookup}.
 */
package org.jexim.conf.expand;
