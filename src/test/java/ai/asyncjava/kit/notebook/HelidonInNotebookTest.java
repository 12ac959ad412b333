package ai.asyncjava.kit.notebook;

import static ai.asyncjava.kit.notebook.TestNotebooks.kinds;
import static ai.asyncjava.kit.notebook.TestNotebooks.outputs;
import static ai.asyncjava.kit.notebook.TestNotebooks.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chapter 07's web server inside notebook cells: Helidon SE 4 starts, serves server-sent events
 * (its SSE sink is found through a ServiceLoader) and stops from JShell, as the kernels run cells.
 */
class HelidonInNotebookTest {

    @Test
    void aCellStartsAHelidonServerThatServesEventsAndALaterCellStopsIt() {
        NotebookRunner.Result result = new NotebookRunner(NotebookRunner.Options.defaults()).run(TestNotebooks.ofCells(
                """
                import io.helidon.webserver.WebServer;
                import io.helidon.webserver.sse.SseSink;
                import io.helidon.http.sse.SseEvent;
                // Helidon logs a few INFO lines per start and stop through JUL; a variable keeps the logger
                // (JUL holds loggers weakly, and a collected one forgets its level).
                var helidonLogs = java.util.logging.Logger.getLogger("io.helidon");
                helidonLogs.setLevel(java.util.logging.Level.WARNING);
                long t0 = System.nanoTime();
                WebServer server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                        .routing(r -> r.get("/hello", (req, res) -> {
                            try (SseSink events = res.sink(SseSink.TYPE)) {
                                events.emit(SseEvent.builder().name("greeting").data("hello").build());
                            }
                        }))
                        .build().start();
                System.out.println("started: " + (server.port() > 0) + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                """,
                """
                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;
                var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long t1 = System.nanoTime();
                var reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hello"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
                System.out.println(reply.statusCode() + " " + reply.body().strip().replace("\\n", "|")
                        + " after " + (System.nanoTime() - t1) / 1_000_000 + " ms");
                """,
                """
                long t2 = System.nanoTime();
                server.stop();
                System.out.println("running: " + server.isRunning() + ", stopped in " + (System.nanoTime() - t2) / 1_000_000 + " ms");
                """));

        assertTrue(result.succeeded(), () -> result.failures().toString());
        String started = text(outputs(result.executed(), 0));
        String served = text(outputs(result.executed(), 1));
        String stopped = text(outputs(result.executed(), 2));
        System.out.println("helidon in JShell: " + kinds(outputs(result.executed(), 0)) + " " + started.strip()
                + " | " + served.strip() + " | " + stopped.strip());
        assertTrue(started.contains("started: true"), started);
        assertEquals(List.of("stream:stdout"), kinds(outputs(result.executed(), 0)), "no log lines: " + started);
        assertTrue(served.contains("200 event:greeting|data:hello"), served);
        assertTrue(stopped.contains("running: false"), stopped);
    }
}
