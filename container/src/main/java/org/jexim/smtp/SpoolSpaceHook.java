package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.jexim.log.EximLog;
import org.jexim.runtime.JeximRuntime;
import org.jexim.server.ReceiveSpaceCheck;
import org.jexim.server.ServerPaths;

/**
 * Refuses MAIL with Exim's "452 Space shortage, please try later" when the spool or log file
 * system is short of space or inodes (check_spool_space and friends), before the MAIL ACL
 * runs, as Exim's smtp_in does. Written by the translator ahead of the ACL hooks:
 * <pre>{@code
 * <handler class="org.jexim.smtp.SpoolSpaceHook"/>
 * }</pre>
 */
public final class SpoolSpaceHook implements MailHook {
    /** Where James's SIZE extension keeps the announced size. */
    private static final ProtocolSession.AttachmentKey<Integer> MESSAGE_SIZE =
            ProtocolSession.AttachmentKey.of("MESG_SIZE", Integer.class);

    private final ReceiveSpaceCheck check;
    private final boolean sizeCounts;

    @Inject
    public SpoolSpaceHook(JeximRuntime runtime) {
        ServerPaths paths = ServerPaths.of(runtime.mainOption("spool_directory"),
                runtime.mainOption("log_file_path").orElse(""));
        this.check = ReceiveSpaceCheck.of(paths, runtime::mainOption);
        this.sizeCounts = runtime.mainOption("smtp_check_spool_space")
                .map(v -> !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equalsIgnoreCase("no"))
                .orElse(true);
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        long size = session.getAttachment(MESSAGE_SIZE, ProtocolSession.State.Transaction)
                .filter(s -> sizeCounts).map(s -> s + 5000L).orElse(0L);
        return check.check(size).map(line -> {
            EximLog.main().main(line);
            return HookResult.builder().hookReturnCode(HookReturnCode.denySoft())
                    .smtpReturnCode("452").smtpDescription("Space shortage, please try later").build();
        }).orElse(HookResult.DECLINED);
    }
}
