package org.jexim.filter;

import java.util.List;

/**
 * One condition of an Exim filter's {@code if}: a tree of and/or over comparisons and tests.
 * {@code testfor} false means the condition is negated ("not", "does not", "is not").
 */
sealed interface Condition {
    boolean testfor();

    /** The same condition with its sense inverted. */
    Condition negate();

    /** and / or: the right side is tested only when the left does not decide. */
    record Junction(boolean and, Condition left, Condition right, boolean testfor) implements Condition {
        @Override
        public Condition negate() {
            return new Junction(and, left, right, !testfor);
        }
    }

    /** A comparison of two expanded strings. */
    record Compare(Comparison type, String left, String right, boolean testfor) implements Condition {
        @Override
        public Condition negate() {
            return new Compare(type, left, right, !testfor);
        }
    }

    /** delivered, error_message, first_delivery, manually_thawed. */
    record Flag(FlagKind kind, boolean testfor) implements Condition {
        @Override
        public Condition negate() {
            return new Flag(kind, !testfor);
        }
    }

    /** personal, with its "alias" addresses. */
    record Personal(List<String> aliases, boolean testfor) implements Condition {
        @Override
        public Condition negate() {
            return new Personal(aliases, !testfor);
        }
    }

    /** foranyaddress: the inner condition tested with $thisaddress set to each address of a list. */
    record ForAnyAddress(String list, Condition inner, boolean testfor) implements Condition {
        @Override
        public Condition negate() {
            return new ForAnyAddress(list, inner, !testfor);
        }
    }

    /** The comparison words; the capitalised variants are case-sensitive. */
    enum Comparison { BEGINS, BEGINS_CASE, ENDS, ENDS_CASE, IS, IS_CASE, MATCHES, MATCHES_CASE, CONTAINS,
        CONTAINS_CASE, ABOVE, BELOW;

        /** The word as a condition word after the left operand (Exim's cond_words), or null. */
        static Comparison ofWord(String w) {
            return switch (w) {
                case "BEGIN", "BEGINS" -> BEGINS_CASE;
                case "CONTAIN", "CONTAINS" -> CONTAINS_CASE;
                case "END", "ENDS" -> ENDS_CASE;
                case "IS" -> IS_CASE;
                case "MATCH", "MATCHES" -> MATCHES_CASE;
                case "above" -> ABOVE;
                case "begin", "begins" -> BEGINS;
                case "below" -> BELOW;
                case "contain", "contains" -> CONTAINS;
                case "end", "ends" -> ENDS;
                case "is" -> IS;
                case "match", "matches" -> MATCHES;
                default -> null;
            };
        }
    }

    /** The tests that take no operands. */
    enum FlagKind { DELIVERED, ERROR_MESSAGE, FIRST_DELIVERY, MANUALLY_THAWED }
}
