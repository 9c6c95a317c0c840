package dev.migstatus.exporter;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus text format read back: each sample as {@code name{label="value",…}}, labels in
 * alphabetical order, to its value; comments left out.
 */
final class MetricsScrape {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( \\d+)?$");

    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final String text;

    MetricsScrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a sample line of the text format: " + line);
            }
            String name = m.group(1) + (m.group(3) == null ? "" : "{" + sortedLabels(m.group(3)) + "}");
            samples.put(name, Double.parseDouble(m.group(4)));
        }
    }

    private static String sortedLabels(String labels) {
        List<String> pairs = new ArrayList<>();
        Matcher m = LABEL.matcher(labels);
        int end = 0;
        while (m.find() && m.start() == end) {
            pairs.add(m.group(1) + "=\"" + m.group(2) + "\"");
            end = m.end();
        }
        if (end != labels.length()) {
            throw new AssertionError("not a label list of the text format: " + labels);
        }
        Collections.sort(pairs);
        return String.join(",", pairs);
    }

    /** What a scrape of {@code registry} would read, without a server. */
    static MetricsScrape of(PrometheusRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MetricsScrape(out.toString(StandardCharsets.UTF_8));
    }

    /** The value of one sample, e.g. {@code docspace_migration_up{portal="https://a.example.com"}}; null when absent. */
    Double value(String sample) {
        return samples.get(sample);
    }

    Map<String, Double> samples() {
        return samples;
    }

    String text() {
        return text;
    }
}
