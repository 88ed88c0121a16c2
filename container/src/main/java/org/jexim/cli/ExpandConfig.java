package org.jexim.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jexim.conf.expand.be.BeConfig;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.reader.ConfigReader;

/** The parts of the configuration -be uses: macros, main options as text, named lists. */
record ExpandConfig(Map<String, String> macros, Map<String, String> options, NamedLists lists) {
    static ExpandConfig load(Path file, Map<String, String> defines) throws java.io.IOException {
        try {
            Configuration c = ConfigReader.read(file, defines);
            Map<String, String> options = new LinkedHashMap<>();
            for (Map.Entry<String, OptionSetting> e : c.mainOptions().entrySet()) {
                options.put(e.getKey(), e.getValue().text());
            }
            Map<ListKind, Map<String, String>> lists = new EnumMap<>(ListKind.class);
            for (Map.Entry<ListKind, Map<String, NamedList>> e : c.namedLists().entrySet()) {
                Map<String, String> m = new LinkedHashMap<>();
                e.getValue().forEach((name, list) -> m.put(name, list.value()));
                lists.put(e.getKey(), m);
            }
            return new ExpandConfig(new LinkedHashMap<>(c.macros()), options, NamedLists.of(lists));
        } catch (Exception | LinkageError e) {
            // The full reader refused the file (or is not there yet): read what -be needs leniently.
            BeConfig b = BeConfig.read(file, defines);
            return new ExpandConfig(b.macros, b.options, b.namedLists());
        }
    }
}
