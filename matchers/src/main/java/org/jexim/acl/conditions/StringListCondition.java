package org.jexim.acl.conditions;

import java.util.function.Function;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;
import org.jexim.lists.ListMatcher;

/**
 * A string of the session against a plain list, false when the string is unset:
 * {@code authenticated = LIST} (the name of the authenticator that succeeded) and
 * {@code encrypted = LIST} (the cipher of the TLS session).
 */
public final class StringListCondition implements AclCondition {
    private final ListMatcher strings;
    private final Function<AclSubject, String> value;

    private StringListCondition(ListMatcher strings, Function<AclSubject, String> value) {
        this.strings = strings;
        this.value = value;
    }

    /**
     * {@code authenticated}: Exim matches sender_host_authenticated, the name of the
     * authenticator that succeeded; where only $authenticated_id is known, that is matched.
     */
    public static StringListCondition authenticated(ListMatcher strings) {
        return new StringListCondition(strings, s -> s.variable("sender_host_authenticated")
                .or(() -> s.variable("authenticated_id")).filter(v -> !v.isEmpty()).orElse(null));
    }

    /** {@code encrypted}: the cipher name, the middle part of a "TLSv1.3:CIPHER:256" $tls_in_cipher. */
    public static StringListCondition encrypted(ListMatcher strings) {
        return new StringListCondition(strings, s -> s.variable("tls_in_cipher").or(() -> s.variable("tls_cipher"))
                .filter(c -> !c.isEmpty()).map(StringListCondition::cipherName).orElse(null));
    }

    private static String cipherName(String full) {
        String[] parts = full.split(":");
        return parts.length > 1 ? parts[1] : full;
    }

    @Override
    public AclOutcome test(String list, AclItem item, AclSubject subject) throws Exception {
        String v = value.apply(subject);
        return v == null ? AclOutcome.FALSE : AclOutcome.of(strings.match(list, v).matched());
    }
}
