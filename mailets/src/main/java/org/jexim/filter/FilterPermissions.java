package org.jexim.filter;

/**
 * What a filter may do (Exim's RDO_* options): a system filter may add and remove headers and
 * use defer, fail and freeze; a user filter only as its redirect router allows
 * ({@code logwrite} false under forbid_filter_logwrite).
 */
public record FilterPermissions(boolean system, boolean defer, boolean fail, boolean freeze, boolean realLog,
                                boolean logwrite) {
    /** A system filter: everything. */
    public static FilterPermissions systemFilter() {
        return new FilterPermissions(true, true, true, true, true, true);
    }

    /** A user filter under -bf: no defer, fail or freeze, no real log writes. */
    public static FilterPermissions userTest() {
        return new FilterPermissions(false, false, false, false, false, true);
    }
}
