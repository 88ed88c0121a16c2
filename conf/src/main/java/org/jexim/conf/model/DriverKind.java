package org.jexim.conf.model;

/** The three kinds of driver instance a configure file defines. */
public enum DriverKind {
    ROUTER("router", "routers"),
    TRANSPORT("transport", "transports"),
    AUTHENTICATOR("authenticator", "authenticators");

    private final String singular;
    private final String section;

    DriverKind(String singular, String section) {
        this.singular = singular;
        this.section = section;
    }

    /** "router", as Exim's messages say it. */
    public String singular() {
        return singular;
    }

    /** "routers", the name after "begin". */
    public String section() {
        return section;
    }
}
