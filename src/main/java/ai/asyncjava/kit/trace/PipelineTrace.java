package ai.asyncjava.kit.trace;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.viz.Timeline;
import com.google.genai.Client;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What happened to each item of a chapter 03 pipeline run: when the reader got it, the model calls
 * made for it, and when the writer wrote it. Wrap the run's source and sink, and use the trace's
 * client; then draw the run item by item.
 * <pre>{@code
 * PipelineTrace trace = new PipelineTrace();
 * new QueuePipeline().run(trace.source(new ShardFileSource(inputs)), trace.client(),
 *         trace.sink(new JsonLinesShardWriter(outputs, 5)), new PipelineConfig(5, 5));
 * trace.timeline("The pipeline, item by item")   // last expression: the chart
 * }</pre>
 * Works against the simulator and the real API alike: the client records its calls itself.
 */
public final class PipelineTrace {

    private record Read(String prompt, long atNanos) {}

    private record Write(String prompt, long startNanos, long endNanos) {}

    private long originNanos = System.nanoTime();
    private final ModelCallLog calls = new ModelCallLog();
    private final List<Read> reads = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();

    /** Forgets everything recorded and starts the clock again at zero. */
    public synchronized void restart() {
        reads.clear();
        writes.clear();
        calls.clear();
        originNanos = System.nanoTime();
    }

    /**
     * A client whose calls this trace records, for the same Gemini as {@link Gemini#client()} (the real
     * API when {@code GEMINI_API_KEY} is set, otherwise the notebook's simulator), without the SDK's
     * retries: retrying is the pipeline's job.
     */
    public Client client() {
        if (Gemini.usesRealApi()) {
            return calls.client(null, System.getenv(Gemini.KEY_VARIABLE));
        }
        Optional<GeminiSimulator> running = Gemini.simulator();
        if (running.isEmpty()) {
            Gemini.client(null, GeminiClients.noRetries()).close(); // starts the simulator, and says so
        }
        GeminiSimulator simulator = Gemini.simulator().orElseThrow();
        return calls.client(simulator.baseUrl(), simulator.apiKey());
    }

    /** {@code source}, recording when each prompt is handed out. */
    public PromptSource source(PromptSource source) {
        return new PromptSource() {
            @Override
            public Optional<String> next() throws IOException {
                Optional<String> prompt = source.next();
                prompt.ifPresent(p -> record(new Read(p, System.nanoTime())));
                return prompt;
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    /** {@code sink}, recording when each answer is written. */
    public AnswerSink sink(AnswerSink sink) {
        return new AnswerSink() {
            @Override
            public void write(PromptAnswer answer) throws IOException {
                long start = System.nanoTime();
                sink.write(answer);
                record(new Write(answer == null ? "" : answer.prompt(), start, System.nanoTime()));
            }

            @Override
            public void close() throws IOException {
                sink.close();
            }
        };
    }

    /** The model calls recorded since the last {@link #restart()}. */
    public List<ModelCallLog.ModelCall> calls() {
        return calls.calls();
    }

    /**
     * A Gantt chart with a row per item, in the order they were read: its time in the input queue,
     * each model call (failed ones apart), the pause before a retry, its time in the output queue,
     * and the write.
     */
    public BufferedImage timeline(String title) {
        Timeline chart = Timeline.titled(title);
        Map<String, Item> items = items();
        if (items.isEmpty()) {
            return Timeline.titled(title + ": nothing was read yet").bar("(no items)", 0, 0, "nothing ran").image();
        }
        for (Item item : items.values()) {
            String row = item.label();
            double cursor = item.readMs;
            for (ModelCallLog.ModelCall call : item.calls) {
                double start = ms(call.startNanos());
                double end = ms(call.endNanos());
                chart.bar(row, cursor, Math.max(cursor, start), cursor == item.readMs ? "input queue"
                        : "retry pause");
                chart.bar(row, start, end, call.succeeded() ? "model call" : "failed call");
                cursor = end;
            }
            if (!Double.isNaN(item.writeStartMs)) {
                chart.bar(row, cursor, Math.max(cursor, item.writeStartMs), "output queue");
                chart.bar(row, item.writeStartMs, item.writeEndMs, "writing");
            }
        }
        return chart.image();
    }

    /**
     * One row per item, in the order read: the prompt, when it was read, how many calls it took
     * (and how many failed), when its answer came, when it was written, and its time in the pipeline.
     */
    public Table table() {
        List<Item> items = new ArrayList<>(items().values());
        double[] read = items.stream().mapToDouble(i -> i.readMs).toArray();
        double[] answered = items.stream().mapToDouble(i -> i.calls.isEmpty() ? Double.NaN
                : ms(i.calls.getLast().endNanos())).toArray();
        double[] written = items.stream().mapToDouble(i -> i.writeEndMs).toArray();
        double[] inPipeline = new double[items.size()];
        for (int i = 0; i < inPipeline.length; i++) {
            inPipeline[i] = written[i] - read[i];
        }
        return Table.create("items",
                StringColumn.create("prompt", items.stream().map(i -> i.prompt)),
                millis("read_ms", read),
                IntColumn.create("calls", items.stream().mapToInt(i -> i.calls.size()).toArray()),
                IntColumn.create("failed", items.stream().mapToInt(i -> (int) i.calls.stream()
                        .filter(c -> !c.succeeded()).count()).toArray()),
                millis("answered_ms", answered),
                millis("written_ms", written),
                millis("in_pipeline_ms", inPipeline));
    }

    /** A column of milliseconds, printed whole. */
    private static DoubleColumn millis(String name, double[] values) {
        DoubleColumn column = DoubleColumn.create(name, values);
        column.setPrintFormatter(NumberColumnFormatter.ints());
        return column;
    }

    /** What the trace knows of one prompt. */
    private final class Item {
        final String prompt;
        final double readMs;
        final List<ModelCallLog.ModelCall> calls = new ArrayList<>();
        double writeStartMs = Double.NaN;
        double writeEndMs = Double.NaN;

        Item(String prompt, double readMs) {
            this.prompt = prompt;
            this.readMs = readMs;
        }

        /** "What is two times 7?" is shown as "two times 7". */
        String label() {
            String short_ = prompt.replaceFirst("^(?i)what is ", "").replaceFirst("\\?$", "");
            return short_.length() <= 24 ? short_ : short_.substring(0, 23) + "…";
        }
    }

    private synchronized Map<String, Item> items() {
        Map<String, Item> items = new LinkedHashMap<>();
        for (Read read : reads) {
            items.putIfAbsent(read.prompt(), new Item(read.prompt(), ms(read.atNanos())));
        }
        Map<String, List<ModelCallLog.ModelCall>> callsByPrompt = new HashMap<>();
        for (ModelCallLog.ModelCall call : calls.calls()) {
            if (call.startNanos() >= originNanos) {
                callsByPrompt.computeIfAbsent(call.prompt(), p -> new ArrayList<>()).add(call);
            }
        }
        for (Item item : items.values()) {
            List<ModelCallLog.ModelCall> made = callsByPrompt.getOrDefault(item.prompt, List.of());
            made.stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos())).forEach(item.calls::add);
        }
        for (Write write : writes) {
            Item item = items.get(write.prompt());
            if (item != null && Double.isNaN(item.writeStartMs)) {
                item.writeStartMs = ms(write.startNanos());
                item.writeEndMs = ms(write.endNanos());
            }
        }
        return items;
    }

    private synchronized void record(Read read) {
        reads.add(read);
    }

    private synchronized void record(Write write) {
        writes.add(write);
    }

    private double ms(long nanos) {
        return (nanos - originNanos) / 1e6;
    }
}
