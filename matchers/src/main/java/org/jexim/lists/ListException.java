package org.jexim.lists;

/** A list could not be matched (unknown named list, failed lookup): Exim defers. */
public class ListException extends Exception {
    public ListException(String message) {
        super(message);
    }
}
