package org.jexim.bounce;

/**
 * One address that failed in a delivery attempt, with what places it in Exim's order of
 * failures: who gets the bounce ({@code errors_to} or the sender), how many generations below
 * its top-level address it is, that top-level address, where it failed ({@code null} when
 * routing failed it, else "local" or "remote" for a transport), and when jexim saw it fail.
 */
public record Failure(String bounceTo, FailedAddress address, int depth, String top, String failedIn, long seen) {
}
