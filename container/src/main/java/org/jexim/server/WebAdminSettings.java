package org.jexim.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether and where James's WebAdmin (its REST API over the queues, mail repositories, users and
 * domains) listens: off unless the configure defines the macro {@code JEXIM_WEBADMIN_PORT} (in the
 * file or with -D), and then on 127.0.0.1 unless {@code JEXIM_WEBADMIN_HOST} names another address.
 * WebAdmin has no authentication here, so it must stay on a trusted interface. Written as James's
 * own {@code webadmin.properties} next to the translated configuration.
 */
public record WebAdminSettings(Optional<Integer> port, String host) {

    public static WebAdminSettings of(Map<String, String> macros) {
        Optional<Integer> port = Optional.ofNullable(macros.get("JEXIM_WEBADMIN_PORT")).map(String::strip)
            .filter(p -> !p.isEmpty()).map(Integer::parseInt);
        String host = Optional.ofNullable(macros.get("JEXIM_WEBADMIN_HOST")).map(String::strip).filter(h -> !h.isEmpty())
            .orElse("127.0.0.1");
        return new WebAdminSettings(port, host);
    }

    /** Writes {@code conf/webadmin.properties}: enabled on host:port, or disabled. */
    public void writeTo(Path jamesConf) throws IOException {
        String text = port.map(p -> "enabled=true\nport=" + p + "\nhost=" + host + "\n"
                + "cors.enable=false\njwt.enabled=false\nhttps.enabled=false\n")
            .orElse("enabled=false\n");
        Files.writeString(jamesConf.resolve("webadmin.properties"), text);
    }
}
