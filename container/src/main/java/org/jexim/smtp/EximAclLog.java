package org.jexim.smtp;

import java.util.Set;
import org.jexim.acl.AclLog;
import org.jexim.log.EximLog;

/** The ACLs' log lines (logwrite, warn, panics) into Exim's main, reject and panic logs. */
public final class EximAclLog implements AclLog {
    @Override
    public void write(Set<Target> targets, String line) {
        EximLog log = EximLog.main();
        if (targets.contains(Target.PANIC)) {
            log.panic(line); // the panic log writes the main log too
            if (targets.contains(Target.REJECT)) {
                log.reject(line);
            }
        } else if (targets.contains(Target.MAIN) && targets.contains(Target.REJECT)) {
            log.mainAndReject(line, line);
        } else if (targets.contains(Target.MAIN)) {
            log.main(line);
        } else if (targets.contains(Target.REJECT)) {
            log.reject(line);
        }
    }
}
