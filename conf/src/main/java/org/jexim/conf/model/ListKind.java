package org.jexim.conf.model;

/** The four kinds of named list. */
public enum ListKind {
    DOMAIN("domainlist"), HOST("hostlist"), ADDRESS("addresslist"), LOCAL_PART("localpartlist");

    private final String keyword;

    ListKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
