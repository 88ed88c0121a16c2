package org.jexim.routing;

import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;

/** {@code address_test}, {@code expn}, {@code verify_only}, {@code verify_recipient}, {@code verify_sender}: whether the router runs in this mode. */
final class VerifyPrecondition implements Precondition {
    private final boolean verifyOnly;
    private final boolean verifyRecipient;
    private final boolean verifySender;

    private final boolean addressTest;
    private final boolean expn;

    VerifyPrecondition(boolean verifyOnly, boolean verifyRecipient, boolean verifySender, boolean addressTest,
                       boolean expn) {
        this.addressTest = addressTest;
        this.expn = expn;
        this.verifyOnly = verifyOnly;
        this.verifyRecipient = verifyRecipient;
        this.verifySender = verifySender;
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) {
        String mode = RouteVariables.verifyMode(address, context);
        boolean run = switch (mode) {
            case "recipient" -> verifyRecipient;
            case "sender" -> verifySender;
            case "test" -> addressTest && !verifyOnly;
            // SMTP EXPN skips no_expn routers, and verify_only ones as when delivering
            case "expn" -> expn && !verifyOnly;
            default -> !verifyOnly;
        };
        return run ? Optional.of(address) : Optional.empty();
    }
}
