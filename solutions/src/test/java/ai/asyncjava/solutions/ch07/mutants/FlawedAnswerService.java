package ai.asyncjava.solutions.ch07.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.AnswerService;
import ai.asyncjava.kit.exercises.ch07.ExchangeLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutants of the answer service: the reference's design with one learner's mistake switched on. */
public class FlawedAnswerService implements AnswerService {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Reads the model's whole answer, then sends the token events. */
        BUFFERED,
        /** Sends each chunk's raw text as the event's data, not {"text": ...}. */
        RAW_TEXT_DATA,
        /** Never sends the done event. */
        NO_DONE,
        /** Asks the model even when the question is missing. */
        NO_VALIDATION,
        /** Records the exchange before ending the response. */
        RECORDS_FIRST,
        /** close() shuts the background executor down and returns without waiting for it. */
        FORGETFUL_CLOSE,
        /** close() stops the background executor with shutdownNow(), interrupting the records. */
        INTERRUPTING_CLOSE,
        /** close() drains the background work but leaves the web server running. */
        KEEPS_SERVING,
        /** When an event cannot be sent, goes on reading the model's stream to its end. */
        KEEPS_STREAMING,
        /** One request at a time: the work is synchronized on the service. */
        SERIAL,
        /** Each request's work on a pool of four platform threads. */
        SMALL_POOL,
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Client gemini;
    private final ExchangeLog log;
    private final Flaw flaw;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService pool;
    private final WebServer server;

    public FlawedAnswerService(Client gemini, ExchangeLog log, Flaw flaw) {
        this.gemini = gemini;
        this.log = log;
        this.flaw = flaw;
        this.pool = flaw == Flaw.SMALL_POOL ? Executors.newFixedThreadPool(4) : null;
        this.server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(routes -> routes.get("/ask", this::ask))
                .build().start();
    }

    @Override
    public int port() {
        return server.port();
    }

    private void ask(ServerRequest request, ServerResponse response) throws Exception {
        String question = request.query().first("q").orElse("").strip();
        if (question.isEmpty() && flaw != Flaw.NO_VALIDATION) {
            response.status(Status.BAD_REQUEST_400).send("Ask a question: /ask?q=...");
            return;
        }
        if (flaw == Flaw.SERIAL) {
            synchronized (this) {
                answer(question, response);
            }
        } else if (pool != null) {
            try {
                pool.submit(() -> answer(question, response)).get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        } else {
            answer(question, response);
        }
    }

    private void answer(String question, ServerResponse response) {
        StringBuilder answer = new StringBuilder();
        try (SseSink events = response.sink(SseSink.TYPE);
             ResponseStream<GenerateContentResponse> chunks =
                     gemini.models.generateContentStream(Gemini.MODEL, question, null)) {
            List<String> held = new ArrayList<>();
            boolean clientGone = false;
            for (GenerateContentResponse chunk : chunks) {
                String text = chunk.text();
                if (text == null || text.isEmpty() || clientGone) {
                    continue;
                }
                answer.append(text);
                if (flaw == Flaw.BUFFERED) {
                    held.add(text);
                    continue;
                }
                try {
                    events.emit(token(text));
                } catch (RuntimeException gone) {
                    if (flaw != Flaw.KEEPS_STREAMING) {
                        throw gone;
                    }
                    clientGone = true; // and read on, for nobody
                }
            }
            if (clientGone) {
                return;
            }
            held.forEach(text -> events.emit(token(text)));
            if (flaw == Flaw.RECORDS_FIRST) {
                record(question, answer.toString());
            }
            if (flaw != Flaw.NO_DONE) {
                events.emit(event("done", Map.of("chars", answer.length())));
            }
        }
        if (flaw != Flaw.RECORDS_FIRST) {
            background.submit(() -> record(question, answer.toString()));
        }
    }

    private void record(String question, String answer) {
        try {
            log.record(question, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SseEvent token(String text) {
        return flaw == Flaw.RAW_TEXT_DATA ? SseEvent.builder().name("token").data(text).build()
                : event("token", Map.of("text", text));
    }

    private static SseEvent event(String name, Map<String, ?> data) {
        try {
            return SseEvent.builder().name(name).data(JSON.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (flaw != Flaw.KEEPS_SERVING) {
            server.stop();
        }
        if (pool != null) {
            pool.shutdown();
        }
        switch (flaw) {
            case FORGETFUL_CLOSE -> background.shutdown();
            case INTERRUPTING_CLOSE -> background.shutdownNow();
            default -> background.close();
        }
    }
}
