package org.jexim.smtp;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.james.protocols.lib.handler.HandlersPackage;
import org.apache.james.smtpserver.CoreCmdHandlerLoader;

/**
 * James's core SMTP handlers with Exim's words: the banner ({@link EximBanner}), the spooling
 * with {@code 250 OK id=} ({@link EximSpool}), the reply texts ({@link EximReplyTexts}), AUTH with
 * Exim's authenticators ({@link EximAuthCmd}), STARTTLS ({@link EximStartTls}) and Exim's
 * Received: header ({@link EximReceivedHeader}); James keeps the protocol work. The translator writes it in place of CoreCmdHandlerLoader:
 * <pre>{@code
 * <handler class="org.jexim.smtp.EximHandlers"/>
 * }</pre>
 */
public final class EximHandlers implements HandlersPackage {
    private static final Map<String, String> REPLACED = Map.ofEntries(
            Map.entry("org.apache.james.smtpserver.JamesWelcomeMessageHandler", EximBanner.class.getName()),
            Map.entry("org.apache.james.smtpserver.SendMailHandler", EximSpool.class.getName()),
            Map.entry("org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler", EximAuthCmd.class.getName()),
            Map.entry("org.apache.james.protocols.smtp.core.esmtp.StartTlsCmdHandler", EximStartTls.class.getName()),
            Map.entry("org.apache.james.protocols.smtp.core.ReceivedDataLineFilter", EximReceivedHeader.class.getName()),
            // the acl helper's: acl_smtp_predata before the 354; VRFY/EXPN (and ETRN) through their ACLs
            Map.entry("org.apache.james.smtpserver.JamesDataCmdHandler", EximDataCmd.class.getName()),
            Map.entry("org.apache.james.protocols.smtp.core.VrfyCmdHandler", EximVrfyExpnCmd.class.getName()),
            // the routing helper's: S rewrite rules on MAIL and RCPT data before anything else
            Map.entry("org.apache.james.smtpserver.JamesMailCmdHandler", EximMailCmd.class.getName()),
            Map.entry("org.apache.james.smtpserver.JamesRcptCmdHandler", EximRcptCmd.class.getName()),
            Map.entry("org.apache.james.protocols.smtp.core.RsetCmdHandler", EximRsetCmd.class.getName()),
            Map.entry("org.apache.james.protocols.smtp.core.HelpCmdHandler", EximHelpCmd.class.getName()),
            Map.entry("org.apache.james.smtpserver.DataLineJamesMessageHookHandler", PrdrMessageHooks.class.getName()));
    /** James handlers jexim drops because a replacement above answers their commands too. */
    private static final List<String> SUPERSEDED = List.of("org.apache.james.protocols.smtp.core.ExpnCmdHandler");
    /** James's user-repository authentication and its relay/sender rules: Exim's authenticators and ACLs decide. */
    private static final List<String> REMOVED = List.of(
            "org.apache.james.smtpserver.UsersRepositoryAuthHook",
            "org.apache.james.smtpserver.AuthRequiredToRelayRcptHook",
            "org.apache.james.smtpserver.SenderAuthIdentifyVerificationHook");

    @Override
    public List<String> getHandlers() {
        List<String> handlers = new CoreCmdHandlerLoader().getHandlers().stream()
                .filter(h -> !REMOVED.contains(h) && !SUPERSEDED.contains(h))
                .map(h -> REPLACED.getOrDefault(h, h)).collect(Collectors.toList());
        handlers.add(EximBdatCmd.class.getName());
        handlers.add(EximReplyTexts.class.getName());
        handlers.add(NotQuitAcl.class.getName());
        return handlers;
    }
}
