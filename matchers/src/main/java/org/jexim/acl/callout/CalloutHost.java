package org.jexim.acl.callout;

/** A host a callout may try: its name, its IP address (null when unknown: skipped, as Exim does) and port. */
public record CalloutHost(String name, String address, int port) {
}
