package ai.asyncjava.kit.setup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Finds a Jupyter that can run notebooks (the Notebook server and nbconvert), or installs one.
 *
 * <p>In order: the one recorded by an earlier setup; a {@code jupyter} on PATH or in the
 * usual places; pip into a project-local virtual environment, when pip can reach its
 * index; the system package manager, when we are root. Each step says what it did.
 */
public final class JupyterInstaller {

    /** Debian/Ubuntu packages that give `jupyter notebook`, `nbconvert --execute` and `kernelspec`. */
    static final List<String> APT_PACKAGES =
            List.of("jupyter-notebook", "jupyter-nbconvert", "jupyter-client", "python3-nbclient");
    static final List<String> PIP_PACKAGES = List.of("notebook", "nbconvert", "nbclient");

    private static final Duration PROBE_LIMIT = Duration.ofSeconds(60);
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(15);

    private final CourseHome home;
    private final PrintStream log;
    private final String searchPath;

    public JupyterInstaller(CourseHome home, PrintStream log) {
        this(home, log, System.getenv().getOrDefault("PATH", ""));
    }

    /** @param searchPath where to look for {@code jupyter} and {@code python3}, like PATH */
    JupyterInstaller(CourseHome home, PrintStream log, String searchPath) {
        this.home = home;
        this.log = log;
        this.searchPath = searchPath;
    }

    private Path recordFile() {
        return home.stateDir().resolve("jupyter.properties");
    }

    private Path venv() {
        return home.stateDir().resolve("venv");
    }

    /** A working Jupyter, without installing anything; empty when there is none. */
    public Optional<Jupyter> find() {
        // What an earlier setup found and checked is trusted while it is still there, which
        // keeps a second setup quick (each probe starts Python).
        Optional<Jupyter> recorded = readRecord().filter(j -> Files.isExecutable(j.executable()));
        if (recorded.isPresent()) {
            return recorded;
        }
        for (Path candidate : candidates()) {
            Jupyter jupyter = new Jupyter(candidate, "found at " + candidate);
            if (works(jupyter)) {
                return Optional.of(jupyter);
            }
        }
        return Optional.empty();
    }

    /** A working Jupyter, installing one if need be; throws with advice when it cannot. */
    public Jupyter findOrInstall() {
        Optional<Jupyter> found = find();
        if (found.isPresent()) {
            record(found.get());
            return found.get();
        }
        log.println("Jupyter (Notebook + nbconvert) is not installed; installing it.");
        List<String> attempts = new ArrayList<>();
        Optional<Jupyter> installed = installWithPip(attempts).or(() -> installWithApt(attempts));
        if (installed.isEmpty()) {
            throw new IllegalStateException("""
                    Jupyter is not installed, and the course could not install it:
                      %s
                    Install Jupyter Notebook and nbconvert yourself, for example
                      python3 -m pip install notebook nbconvert
                    or, on Debian/Ubuntu,
                      sudo apt-get install %s
                    then run ./course setup again."""
                    .formatted(String.join("\n  ", attempts), String.join(" ", APT_PACKAGES)));
        }
        record(installed.get());
        return installed.get();
    }

    private List<Path> candidates() {
        Set<Path> candidates = new LinkedHashSet<>();
        for (String dir : searchPath.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "jupyter"));
            }
        }
        candidates.add(venv().resolve("bin").resolve("jupyter"));
        candidates.add(Path.of("/usr/local/bin/jupyter"));
        candidates.add(Path.of("/usr/bin/jupyter"));
        return candidates.stream().filter(Files::isExecutable).toList();
    }

    /** Works means: it answers, and has the two subcommands the course uses. */
    static boolean works(Jupyter jupyter) {
        return Files.isExecutable(jupyter.executable())
                && jupyter.run(PROBE_LIMIT, "notebook", "--version").succeeded()
                && jupyter.run(PROBE_LIMIT, "nbconvert", "--version").succeeded();
    }

    private Optional<Jupyter> installWithPip(List<String> attempts) {
        Path python = findPython();
        if (python == null) {
            attempts.add("pip: no python3 on PATH");
            return Optional.empty();
        }
        log.println("Trying pip: a virtual environment in " + home.root().relativize(venv()) + " ...");
        CommandRunner.Result created = CommandRunner.run(
                List.of(python.toString(), "-m", "venv", venv().toString()), INSTALL_LIMIT);
        if (!created.succeeded()) {
            attempts.add("pip: `python3 -m venv` failed: " + created.tail(2));
            deleteVenv();
            return Optional.empty();
        }
        List<String> install = new ArrayList<>(List.of(
                venv().resolve("bin").resolve("python").toString(), "-m", "pip", "install",
                "--disable-pip-version-check", "--quiet", "--retries", "1", "--timeout", "20"));
        install.addAll(PIP_PACKAGES);
        CommandRunner.Result result = CommandRunner.run(install, null, Map.of(), INSTALL_LIMIT);
        Jupyter jupyter = new Jupyter(venv().resolve("bin").resolve("jupyter"),
                "installed with pip into " + home.root().relativize(venv()));
        if (result.succeeded() && works(jupyter)) {
            log.println("Installed Jupyter with pip into " + home.root().relativize(venv()) + ".");
            return Optional.of(jupyter);
        }
        attempts.add("pip: could not install " + PIP_PACKAGES + " (is its package index reachable?): "
                + result.tail(2));
        log.println("pip could not install Jupyter (its package index may be out of reach); the last it said:\n  "
                + result.tail(2).replace("\n", "\n  "));
        deleteVenv();
        return Optional.empty();
    }

    private Optional<Jupyter> installWithApt(List<String> attempts) {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            attempts.add("apt-get: not on this system");
            return Optional.empty();
        }
        if (!SystemUser.isRoot()) {
            attempts.add("apt-get: needs root (run `sudo apt-get install " + String.join(" ", APT_PACKAGES) + "`)");
            return Optional.empty();
        }
        log.println("Trying the system package manager: apt-get install " + String.join(" ", APT_PACKAGES) + " ...");
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        CommandRunner.Result update = CommandRunner.run(List.of("apt-get", "update", "-q"), null, env, INSTALL_LIMIT);
        if (!update.succeeded()) {
            log.println("apt-get update failed; trying the install with the package lists we have.");
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        install.addAll(APT_PACKAGES);
        CommandRunner.Result result = CommandRunner.run(install, null, env, INSTALL_LIMIT);
        Jupyter jupyter = new Jupyter(Path.of("/usr/bin/jupyter"), "installed with apt-get");
        if (result.succeeded() && works(jupyter)) {
            log.println("Installed Jupyter with apt-get.");
            return Optional.of(jupyter);
        }
        attempts.add("apt-get: install failed: " + result.tail(3));
        return Optional.empty();
    }

    private Path findPython() {
        for (String dir : searchPath.split(java.io.File.pathSeparator)) {
            Path python = Path.of(dir, "python3");
            if (!dir.isBlank() && Files.isExecutable(python)) {
                return python;
            }
        }
        return null;
    }

    private void deleteVenv() {
        CommandRunner.run(List.of("rm", "-rf", venv().toString()), Duration.ofMinutes(1));
    }

    private Optional<Jupyter> readRecord() {
        Path file = recordFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String executable = properties.getProperty("executable");
        String origin = properties.getProperty("origin", "recorded by an earlier setup");
        return executable == null ? Optional.empty() : Optional.of(new Jupyter(Path.of(executable), origin));
    }

    private void record(Jupyter jupyter) {
        Properties properties = new Properties();
        properties.setProperty("executable", jupyter.executable().toString());
        properties.setProperty("origin", jupyter.origin());
        try {
            Files.createDirectories(recordFile().getParent());
            try (var out = Files.newBufferedWriter(recordFile())) {
                properties.store(out, "the Jupyter that ./course setup found or installed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
