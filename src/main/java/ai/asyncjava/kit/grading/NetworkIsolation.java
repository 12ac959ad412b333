package ai.asyncjava.kit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How the grader keeps learner code off the network. On Linux as root, each worker starts in
 * new network and process namespaces ({@code unshare}): it sees only a loopback interface, on
 * which the simulators listen, and when the worker ends every process it started ends with it.
 * Elsewhere the worker runs as a plain child process, and the feedback says the network was open.
 *
 * @param prefix      the command words that go before {@code java}; empty when not isolated
 * @param description what the feedback says about it
 */
record NetworkIsolation(List<String> prefix, String description) {

    /** Finds out once what this machine allows. */
    static NetworkIsolation detect() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return open("not isolated: network namespaces need Linux");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return open("not isolated: a network namespace needs root (run the grader as root, or in a container)");
        }
        Path unshare = onPath("unshare");
        Path ip = onPath("ip");
        if (unshare == null || ip == null) {
            return open("not isolated: " + (unshare == null ? "unshare (util-linux)" : "ip (iproute2)")
                    + " is not installed");
        }
        // --pid --fork --kill-child: the worker is process 1 of its own namespace, so when it ends
        // or is killed, everything learner code started is killed too.
        List<String> prefix = List.of(unshare.toString(), "--net", "--pid", "--fork", "--kill-child", "--",
                "/bin/sh", "-c", ip + " link set lo up && exec \"$0\" \"$@\"");
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return open("not isolated: unshare --net failed here" + (said.isEmpty() ? "" : " (" + said + ")"));
            }
        } catch (IOException e) {
            return open("not isolated: unshare could not start (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return open("not isolated: interrupted while trying unshare");
        }
        return new NetworkIsolation(prefix, "loopback only: each submission ran in a network namespace of its own");
    }

    static NetworkIsolation open(String why) {
        return new NetworkIsolation(List.of(), why);
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
