package org.jexim.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mailet.Attribute;
import org.apache.mailet.DsnParameters;
import org.jexim.mailets.OriginalRecipients;

/**
 * A message's DSN requests as the SMTP client gave them: James's {@link DsnParameters} (for the
 * delivery side and stock James mailets) and each recipient's ORCPT= text as given, which Exim
 * keeps unchanged; the mail attributes that carry both onto the spool.
 *
 * @param orcpts ORCPT= texts by recipient address
 */
public record MessageDsn(Optional<DsnParameters> parameters, Map<String, String> orcpts) {
    public static final MessageDsn NONE = new MessageDsn(Optional.empty(), Map.of());

    /** The attributes a spooled mail gets: James's DSN attributes, -dsn_envid/-dsn_ret, the ORCPT texts. */
    public List<Attribute> attributes() {
        List<Attribute> all = new ArrayList<>();
        parameters.ifPresent(p -> {
            all.addAll(p.toAttributes().asAttributes());
            all.addAll(SpoolAttributes.dsnOptions(p));
        });
        if (!orcpts.isEmpty()) {
            all.add(OriginalRecipients.attribute(orcpts));
        }
        return all;
    }
}
