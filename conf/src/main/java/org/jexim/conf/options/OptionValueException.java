package org.jexim.conf.options;

/** A value Exim would refuse for an option; the message is Exim's own wording of the reason. */
public class OptionValueException extends Exception {
    public OptionValueException(String eximReason) {
        super(eximReason);
    }
}
