package ai.asyncjava.kit.trace;

import ai.asyncjava.kit.threads.CallingThreads;
import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.HttpOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Records every call a google-genai client makes, seen from the caller's side: which prompt, on
 * which thread, from when to when, and how it ended. The clients made by {@link #client} carry it,
 * so it works the same against the simulator and the real API. Each call also tells the check
 * harness about the calling thread, so learner threads that only ever talk to the model are found,
 * interrupted and reported like any other.
 *
 * <p>These clients try every request once (the SDK's own retries are off), so each attempt is a
 * call of its own, and they read every answer whole (they are not for streaming). Thread-safe.
 */
public final class ModelCallLog implements Interceptor {

    /**
     * One call.
     *
     * @param prompt        the text of the request's last user turn ("" when it has none)
     * @param method        the API method, e.g. {@code generateContent}
     * @param threadName    the calling thread's name
     * @param virtualThread whether the caller was a virtual thread
     * @param startNanos    {@link System#nanoTime()} when the call was sent
     * @param endNanos      when the whole answer (or the failure) came back
     * @param status        the HTTP status, 0 when no answer came (connection failed, interrupted)
     */
    public record ModelCall(String prompt, String method, String threadName, boolean virtualThread,
                            long startNanos, long endNanos, int status) {

        /** True for a 2xx answer. */
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends the requests, always from virtual threads of its own (see {@link #exchange}). */
    private final OkHttpClient http = new OkHttpClient.Builder()
            .readTimeout(Duration.ofMinutes(2)).writeTimeout(Duration.ofMinutes(1)).build();
    private final List<ModelCall> calls = new ArrayList<>();
    private final Set<Thread> callers = new LinkedHashSet<>();

    /** A snapshot of the calls so far, in the order they ended. */
    public synchronized List<ModelCall> calls() {
        return List.copyOf(calls);
    }

    /** The threads that have made calls since the log was last cleared, in the order they first called. */
    public synchronized List<Thread> callers() {
        return List.copyOf(callers);
    }

    /** Forgets the calls so far. */
    public synchronized void clear() {
        calls.clear();
        callers.clear();
    }

    /**
     * A client whose calls this log records, without the SDK's retries.
     *
     * @param baseUrl the simulator's base URL, or null for the real Gemini API
     * @param apiKey  the key to send
     */
    public Client client(String baseUrl, String apiKey) {
        HttpOptions.Builder httpOptions = HttpOptions.builder().retryOptions(GeminiClients.noRetries());
        if (baseUrl != null) {
            httpOptions.baseUrl(baseUrl);
        }
        // The SDK builds its OkHttp client on top of this one, keeping the interceptor.
        ClientOptions options = ClientOptions.builder()
                .customHttpClient(new OkHttpClient.Builder().addInterceptor(this).build())
                .maxConnections(GeminiClients.MAX_CONNECTIONS)
                .maxConnectionsPerHost(GeminiClients.MAX_CONNECTIONS)
                .build();
        return Client.builder().apiKey(apiKey).vertexAI(false).httpOptions(httpOptions.build())
                .clientOptions(options).build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        CallingThreads.noteCurrentThread();
        Thread caller = Thread.currentThread();
        synchronized (this) {
            callers.add(caller);
        }
        Request request = chain.request();
        long start = System.nanoTime();
        int status = 0;
        try {
            Response response = exchange(request);
            status = response.code();
            return response;
        } finally {
            ModelCall call = new ModelCall(promptOf(request.body()), methodOf(request), caller.getName(),
                    caller.isVirtual(), start, System.nanoTime(), status);
            synchronized (this) {
                calls.add(call);
            }
        }
    }

    /**
     * Sends the request and reads the whole answer on a virtual thread of its own, while the caller
     * waits; the SDK's own call gets the answer from here and never opens a connection. The HTTP
     * library starts housekeeping threads (connection pool cleaners) from whichever thread sends a
     * request or gives a connection back: started from a learner's platform thread, they would be
     * taken for threads the learner left running. An interrupted caller stops waiting at once and
     * the request is cancelled.
     */
    private Response exchange(Request request) throws IOException {
        Call call = http.newCall(request);
        FutureTask<Response> exchange = new FutureTask<>(() -> {
            try (Response response = call.execute()) {
                ResponseBody body = response.body();
                byte[] bytes = body == null ? new byte[0] : body.bytes();
                return response.newBuilder()
                        .body(ResponseBody.create(bytes, body == null ? null : body.contentType())).build();
            }
        });
        Thread.ofVirtual().name("model call").start(exchange);
        try {
            return exchange.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the model's answer");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    // ".../models/gemini-2.5-flash:generateContent" -> "generateContent"
    private static String methodOf(Request request) {
        String path = request.url().encodedPath();
        int colon = path.lastIndexOf(':');
        return colon < 0 ? path.substring(path.lastIndexOf('/') + 1) : path.substring(colon + 1);
    }

    private static String promptOf(RequestBody body) {
        if (body == null) {
            return "";
        }
        try {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            JsonNode contents = JSON.readTree(buffer.readUtf8()).path("contents");
            if (!contents.isArray() || contents.isEmpty()) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode part : contents.get(contents.size() - 1).path("parts")) {
                text.append(part.path("text").asText(""));
            }
            return text.toString();
        } catch (IOException | RuntimeException unreadable) {
            return ""; // not JSON: a call this log does not need to understand
        }
    }
}
