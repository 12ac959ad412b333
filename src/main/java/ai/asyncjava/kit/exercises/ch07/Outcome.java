package ai.asyncjava.kit.exercises.ch07;

import java.util.Objects;

/**
 * How one call ended: with a value or with an exception. A fan-out that settles every call returns
 * one outcome per input, in input order, so one failure costs only its own result: Java's
 * counterpart of {@code asyncio.gather(..., return_exceptions=True)}, with a type that says which.
 *
 * <pre>{@code
 * switch (outcome) {
 *     case Outcome.Success<String>(String answer) -> use(answer);
 *     case Outcome.Failure<String>(Exception error) -> log(error);
 * }
 * }</pre>
 *
 * @param <T> the value's type
 */
public sealed interface Outcome<T> {

    /** The call returned {@code value}. */
    record Success<T>(T value) implements Outcome<T> {
    }

    /** The call threw {@code error} (the exception itself, not a copy or a message). */
    record Failure<T>(Exception error) implements Outcome<T> {

        public Failure {
            Objects.requireNonNull(error, "a failure carries the exception that ended the call");
        }
    }

    /** A success. */
    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    /** A failure. */
    static <T> Outcome<T> failure(Exception error) {
        return new Failure<>(error);
    }
}
