package org.jexim.routing;

/** A host a router set up for an address: name, IP address (null when unknown), MX preference or -1, port or -1. */
public record RouteHost(String name, String address, int mx, int port) {
}
