package org.jexim.smtp;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.james.protocols.lib.handler.HandlersPackage;
import org.apache.james.smtpserver.CoreCmdHandlerLoader;

/**
 * James's core SMTP handlers with Exim's words: the banner ({@link EximBanner}), the spooling
 * with {@code 250 OK id=} ({@link EximSpool}) and the reply texts ({@link EximReplyTexts}); James
 * keeps the protocol work. The translator writes it in place of CoreCmdHandlerLoader:
 * <pre>{@code
 * <handler class="org.jexim.smtp.EximHandlers"/>
 * }</pre>
 */
public final class EximHandlers implements HandlersPackage {
    private static final Map<String, String> REPLACED = Map.of(
            "org.apache.james.smtpserver.JamesWelcomeMessageHandler", EximBanner.class.getName(),
            "org.apache.james.smtpserver.SendMailHandler", EximSpool.class.getName());

    @Override
    public List<String> getHandlers() {
        List<String> handlers = new CoreCmdHandlerLoader().getHandlers().stream()
                .map(h -> REPLACED.getOrDefault(h, h)).collect(Collectors.toList());
        handlers.add(EximReplyTexts.class.getName());
        return handlers;
    }
}
