package org.jexim.smtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jexim.runtime.JeximRuntime;

/**
 * header_maxsize and header_line_maxsize for the daemon ({@link HeaderLimits}), before the MIME
 * and DATA ACLs; the Received: header jexim put on top is not the client's and does not count.
 * Written by the translator before the ACL hooks:
 * <pre>{@code
 * <handler class="org.jexim.smtp.HeaderLimitsHook"/>
 * }</pre>
 */
public final class HeaderLimitsHook implements JamesMessageHook {
    private final JeximRuntime runtime;

    @Inject
    public HeaderLimitsHook(JeximRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        List<String> lines = new ArrayList<>();
        try {
            List<String> headers = Collections.list(mail.getMessage().getAllHeaderLines());
            for (int i = 0; i < headers.size(); i++) {
                if (i == 0 && headers.get(0).regionMatches(true, 0, "Received:", 0, 9)) {
                    continue; // ours, added while the data came in
                }
                lines.addAll(Arrays.asList(headers.get(i).split("\r?\n", -1)));
            }
        } catch (MessagingException e) {
            return HookResult.DECLINED;
        }
        Optional<SmtpReply> refusal = HeaderLimits.of(runtime).check(lines, JamesSessions.of(session, runtime, null).peer());
        return refusal.map(AclHook::messageRefusal).orElse(HookResult.DECLINED);
    }
}
