package org.jexim.filter;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jexim.filter.FilterResult.Outcome;
import org.jexim.routing.AddressSyntax;
import org.jexim.routing.RedirectList;

/** -bf on a plain .forward file: the addresses, pipes and files it generates, as Exim lists them (last first). */
final class ForwardFileTester {
    private ForwardFileTester() {
    }

    static FilterResult test(String text, FilterSetup setup, FilterAddress address) {
        PrintStream out = setup.testOutput();
        List<String> generated = new ArrayList<>();
        for (String item : RedirectList.items(text)) {
            if (item.startsWith(":fail:") || item.startsWith(":defer:")) {
                out.print("exim: error in forward file: \"" + item + "\" is not permitted\n");
                return new FilterResult(Outcome.ERROR, item, List.of(), new int[10], null);
            }
            if (item.equals(":blackhole:")) {
                out.print("exim: forwardfile contains \":blackhole:\"\n");
                continue;
            }
            String target = RedirectList.address(item);
            if (target.startsWith("\"|") && target.endsWith("\"")) {
                target = target.substring(1, target.length() - 1);
            }
            if (target.startsWith("|") || target.startsWith("/")) {
                generated.add(0, target);
                continue;
            }
            String bare = target.startsWith("\\") ? target.substring(1) : target;
            String error = AddressSyntax.error(bare);
            if (error != null) {
                out.print("exim: error in forward file: " + error + " in \"" + item + "\"\n");
                return new FilterResult(Outcome.ERROR, error, List.of(), new int[10], null);
            }
            String qualify = setup.base().variable("qualify_recipient").orElse("");
            generated.add(0, bare.indexOf('@') < 0 ? bare + "@" + qualify : bare);
        }
        if (generated.isEmpty()) {
            out.print("exim: no addresses generated from forward file\n");
        } else {
            out.print("exim: forward file generated:\n");
            generated.forEach(g -> out.print("  " + g + "\n"));
        }
        return new FilterResult(Outcome.NOT_DELIVERED, null, List.of(), new int[10], null);
    }
}
