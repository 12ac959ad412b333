package ai.asyncjava.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.setup.CourseKernel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./course start --no-browser --port N} serves Jupyter with the course kernel, and
 * stopping it stops Jupyter and the kernels it started.
 */
class StartCommandIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("course.home", "..")).resolve("course");
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([0-9a-zA-Z]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void servesTheCourseKernelAndLeavesNothingRunningWhenStopped() throws Exception {
        int port = freePort();
        Path log = tmp.resolve("start.log");
        Process launcher = new ProcessBuilder("bash", LAUNCHER.toString(), "start", "--no-browser", "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String token = awaitToken(log, launcher);
            String base = "http://127.0.0.1:" + port;

            JsonNode kernelspecs = getJson(base + "/api/kernelspecs", token);
            JsonNode course = kernelspecs.path("kernelspecs").path(CourseKernel.NAME);
            assertEquals(CourseKernel.DISPLAY_NAME, course.path("spec").path("display_name").asText(),
                    "the course kernel is listed: " + kernelspecs);

            // Start a kernel too, so that stopping has a kernel process to clean up.
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels"))
                    .header("Authorization", "token " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + CourseKernel.NAME + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, started.statusCode(), started.body());
            List<ProcessHandle> tree = awaitKernelProcess(launcher);

            launcher.destroy(); // SIGTERM, as `kill` or a closing terminal would send
            assertTrue(launcher.waitFor(40, TimeUnit.SECONDS), "./course start stops within 40 s of SIGTERM");
            for (ProcessHandle process : tree) {
                process.onExit().get(10, TimeUnit.SECONDS);
                assertTrue(!process.isAlive(), "still running after stop: " + describe(process));
            }
            assertThrows(ConnectException.class, () -> getJson(base + "/api/kernelspecs", token),
                    "the port is closed after stop");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static String awaitToken(Path log, Process launcher) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher matcher = TOKEN.matcher(text);
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!launcher.isAlive()) {
                fail("./course start exited with " + launcher.exitValue() + ":\n" + text);
            }
            Thread.sleep(200);
        }
        return fail("no Jupyter URL with a token within 120 s:\n" + Files.readString(log));
    }

    /** Waits until the kernel's JVM shows up among the launcher's descendants; returns them all. */
    private static List<ProcessHandle> awaitKernelProcess(Process launcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> tree = launcher.descendants().toList();
            if (tree.stream().anyMatch(p -> describe(p).contains("ijava"))) {
                return tree;
            }
            Thread.sleep(200);
        }
        return fail("no kernel process appeared under ./course start");
    }

    private static JsonNode getJson(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "token " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
