package org.jexim.greylist;

import java.nio.file.Path;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;

/** The ACL condition {@code seen} ({@link SeenCondition}) over SPOOL/db/seen. */
public final class SeenAclCondition implements AclCondition {
    private final AclServices services;

    public SeenAclCondition(AclServices services) {
        this.services = services;
    }

    @Override
    public AclOutcome test(String value, AclItem item, AclSubject subject) throws Exception {
        Path spool = Path.of(services.option("spool_directory").orElse("/var/spool/exim4"));
        try {
            return AclOutcome.of(new SeenCondition(new HintsFile(spool, "seen"))
                    .test(value, subject.clientIp()));
        } catch (SeenCondition.SeenException e) {
            return AclOutcome.error(e.getMessage());
        }
    }
}
