package ai.asyncjava.kit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./course} command line: one subcommand per thing a learner or instructor does. */
@Command(
        name = "course",
        mixinStandardHelpOptions = true,
        version = "Async Java for AI 0.1",
        description = "Async Java for AI: a course on concurrency for AI applications in modern Java.",
        subcommands = {
            SetupCommand.class,
            StartCommand.class,
            TestCommand.class,
            RunCommand.class,
            NotebooksCommand.class,
            ClasspathCommand.class,
            SimulatorCommand.class,
            GradeCommand.class,
            ProgressCommand.class,
        })
public final class CourseCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CourseCli())
                .setExecutionExceptionHandler(new FriendlyErrors())
                .execute(args));
    }
}
