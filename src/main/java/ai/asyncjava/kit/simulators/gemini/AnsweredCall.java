package ai.asyncjava.kit.simulators.gemini;

import java.util.List;
import java.util.Map;

/**
 * What a client told the model one function call returned, as the model read it from a
 * generation request: the call it answered (paired by id, or by position when the calls have no
 * ids) and the works its response holds. A check compares these with what each search really
 * returned, which is how a result sent back under another call's id shows.
 *
 * @param requestId the generation request (its id in the request log) whose last turn held the response
 * @param callId    the answered call's id, "" when the call had none
 * @param name      the function the call named
 * @param args      the call's arguments, as the client sent the call back
 * @param workIds   the bare OpenAlex ids ({@code W…}) of the works in the response, in order
 * @param failed    true when the response reports an error ({@code {"error": …}})
 */
public record AnsweredCall(int requestId, String callId, String name, Map<String, Object> args,
                           List<String> workIds, boolean failed) {

    public AnsweredCall {
        args = Map.copyOf(args);
        workIds = List.copyOf(workIds);
    }
}
