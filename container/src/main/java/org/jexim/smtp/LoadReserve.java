package org.jexim.smtp;

import javax.inject.Inject;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jexim.log.EximLog;
import org.jexim.queue.QueueOnly;
import org.jexim.runtime.JeximRuntime;
import org.jexim.server.LoadReserveCheck;

/**
 * {@code smtp_load_reserve} and {@code smtp_reserve_hosts} at connection time, before the
 * connect ACL, as Exim checks them (see {@link LoadReserveCheck}). Written by the translator when
 * smtp_load_reserve is set:
 * <pre>{@code
 * <handler class="org.jexim.smtp.LoadReserve"/>
 * }</pre>
 */
public final class LoadReserve implements ConnectHandler<SMTPSession> {
    private final JeximRuntime runtime;
    private final LoadReserveCheck check;

    @Inject
    public LoadReserve(JeximRuntime runtime) {
        this.runtime = runtime;
        this.check = new LoadReserveCheck(
                runtime.mainOption("smtp_load_reserve").map(String::strip).map(Double::parseDouble).orElse(-1.0),
                runtime.mainOption("smtp_reserve_hosts").filter(v -> !v.isBlank()).isPresent(),
                ip -> AuthAdvertising.hostIn(runtime, "smtp_reserve_hosts", "", ip), QueueOnly::systemLoad);
    }

    @Override
    public Response onConnect(SMTPSession session) {
        String ip = JamesSessions.of(session, runtime, null).ip();
        return check.check(ip, runtime.mainOption("smtp_active_hostname").orElse(runtime.primaryHostname()))
                .map(r -> {
                    if (EximLog.main().selector().has("connection_reject")) {
                        EximLog.main().main(r.logLine());
                    }
                    SMTPResponse response = new SMTPResponse(r.code(), r.text());
                    response.setEndSession(true);
                    return (Response) response;
                }).orElse(null);
    }
}
