package org.jexim.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;

/**
 * Address batching in local transports (spec chapter 25): up to {@code batch_max} addresses of
 * a message in one run of the transport; none when an option refers to $local_part, only one
 * domain a batch when one refers to $domain, and only equal expansions of {@code batch_id}.
 */
final class LocalBatches {
    private static final Pattern LOCAL_PART = Pattern.compile("\\$\\{?local_part\\b");
    private static final Pattern DOMAIN = Pattern.compile("\\$\\{?domain\\b");

    private LocalBatches() {
    }

    /** The indexes of {@code deliveries} in batches, in order. */
    /** Delivers each batch with {@code transport}, one result for every address, in order. */
    static List<DeliveryResult> deliver(TransportOptions options, List<Delivery> deliveries, String transport,
            java.util.function.Function<List<Delivery>, DeliveryResult> run) {
        DeliveryResult[] results = new DeliveryResult[deliveries.size()];
        for (List<Integer> batch : group(options.texts(), options, deliveries, transport)) {
            DeliveryResult r = run.apply(batch.stream().map(deliveries::get).toList());
            for (int k = 0; k < batch.size(); k++) {
                results[batch.get(k)] = k == 0 || r.kind() != DeliveryResult.Kind.OK ? r : r.asAdditional();
            }
        }
        return List.of(results);
    }

    static List<List<Integer>> group(Map<String, String> optionTexts, TransportOptions options, List<Delivery> deliveries,
            String transport) {
        int max = Math.max(1, options.number("batch_max", 1));
        boolean byLocalPart = optionTexts.values().stream().anyMatch(t -> t != null && LOCAL_PART.matcher(t).find());
        boolean byDomain = optionTexts.values().stream().anyMatch(t -> t != null && DOMAIN.matcher(t).find());
        List<List<Integer>> batches = new ArrayList<>();
        if (max == 1 || byLocalPart) {
            for (int i = 0; i < deliveries.size(); i++) {
                batches.add(List.of(i));
            }
            return batches;
        }
        Map<String, List<Integer>> open = new LinkedHashMap<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            String key = byDomain ? d.address().domain().toLowerCase(Locale.ROOT) : "";
            if (options.has("batch_id")) {
                try {
                    key += "\0" + Expander.expand(options.string("batch_id"), new TransportVariables(d, transport,
                            java.time.ZonedDateTime.now()));
                } catch (ExpansionException e) {
                    key += "\0" + i; // Exim: a failed batch_id expansion disables batching for the address
                }
            }
            List<Integer> batch = open.get(key);
            if (batch == null || batch.size() >= max) {
                batch = new ArrayList<>();
                open.put(key, batch);
                batches.add(batch);
            }
            batch.add(i);
        }
        return batches;
    }
}
