package org.jexim.filter;

import java.util.List;
import java.util.Map;

/** What a filter set up to be done: the "addresses" Exim generates from a filter's commands. */
public sealed interface FilterAction {
    boolean noerror();

    /** deliver: a new address that starts again at the first router. */
    record Deliver(String address, String errorsTo, boolean noerror) implements FilterAction {
    }

    /** save: a file or directory delivery through the router's file_transport (or directory_transport). */
    record Save(String path, int mode, boolean noerror) implements FilterAction {
    }

    /** pipe: a command delivery through the router's pipe_transport; {@code captures} are $thisaddress and $0.. */
    record Pipe(String command, List<String> captures, boolean noerror) implements FilterAction {
    }

    /** mail / vacation: an automatic reply through the router's reply_transport. */
    record Reply(String logAddress, Map<String, String> args, boolean expandFile, boolean returnMessage,
                 int onceRepeat, boolean noerror) implements FilterAction {
    }
}
