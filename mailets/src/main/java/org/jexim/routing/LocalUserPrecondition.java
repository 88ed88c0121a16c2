package org.jexim.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.Precondition;
import org.jexim.address.RoutingContext;
import org.jexim.address.RoutingException;

/** {@code check_local_user}: the local part must be a login in the passwd file; sets $home and $local_part_data. */
final class LocalUserPrecondition implements Precondition {
    private final Path passwd;

    LocalUserPrecondition(Path passwd) {
        this.passwd = passwd;
    }

    @Override
    public Optional<AddressItem> test(AddressItem address, RoutingContext context) throws RoutingException {
        String user = RouteVariables.localPart(address);
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.ISO_8859_1)) {
                String[] f = line.split(":", -1);
                if (f.length >= 7 && f[0].equals(user)) {
                    return Optional.of(address.with("home", f[5]).with("local_part_data", f[0]).with("local_user_uid", f[2])
                            .with("local_user_gid", f[3]));
                }
            }
        } catch (IOException e) {
            throw new RoutingException("check_local_user: " + e.getMessage());
        }
        return Optional.empty();
    }
}
