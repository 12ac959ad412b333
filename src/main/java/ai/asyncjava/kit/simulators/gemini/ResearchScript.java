package ai.asyncjava.kit.simulators.gemini;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A research assistant for chapter 06's agent: when the request offers a search tool, it searches
 * in rounds and then answers with citations, the way the real model does under the chapter's
 * system instruction; otherwise it answers as {@link DefaultScript} does. Deterministic: the same
 * conversation gets the same reply.
 * <ul>
 *   <li>The tool: the first whose name contains {@code search} and that has one required string
 *       parameter (or, with nothing required, a single string parameter).</li>
 *   <li>Round 1 (no function responses since the question): a short text in two chunks, then
 *       {@value #FIRST_ROUND_CALLS} searches built from the question's content words, one per
 *       chunk, {@link #callGap()} apart.</li>
 *   <li>Later search rounds: {@value #LATER_ROUND_CALLS} refined searches built from the words that
 *       most of the works sent back in the last round share (and that neither the question nor an
 *       earlier search used), so they depend on what the client really sent back.</li>
 *   <li>The last round (the {@link #rounds()}th reply): "Final answer: …", one or two paragraphs
 *       citing {@code [Lastname et al., 2021](https://openalex.org/W…)} only works that came back
 *       in the function responses since the question; if none did, it says so.</li>
 * </ul>
 * A failed search ({@code {"error": "…"}}) counts as a round's search like any other: a round in
 * which every search failed still moves on. Delays are at time scale 1; the simulator scales them.
 */
public final class ResearchScript implements GeminiScript {

    /** The searches of the first round. */
    public static final int FIRST_ROUND_CALLS = 4;
    /** The searches of each later round. */
    public static final int LATER_ROUND_CALLS = 3;
    /** The most works a final answer cites. */
    public static final int MAX_CITATIONS = 5;
    /** The usual pause between two calls' chunks. */
    public static final Duration DEFAULT_CALL_GAP = Duration.ofMillis(150);
    /** The pause between two text chunks. */
    public static final Duration TEXT_GAP = Duration.ofMillis(70);

    private static final Pattern CITATION_LINK = Pattern.compile("\\]\\(https://openalex\\.org/(W\\d+)\\)");
    /** Angles for searches when the returned works give too few words. */
    private static final List<String> ANGLES = List.of("systematic review", "randomized trial", "cohort",
            "mechanisms", "meta-analysis", "longitudinal", "biomarkers", "intervention", "animal model",
            "cross-sectional");

    private final int rounds; // 0 for endless
    private final Duration callGap;
    private final GeminiScript fallback = new DefaultScript();

    /** Three replies: two rounds of searches, then the answer. */
    public ResearchScript() {
        this(3, DEFAULT_CALL_GAP);
    }

    private ResearchScript(int rounds, Duration callGap) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds cannot be negative: " + rounds);
        }
        if (callGap.isNegative()) {
            throw new IllegalArgumentException("the call gap cannot be negative: " + callGap);
        }
        this.rounds = rounds;
        this.callGap = callGap;
    }

    /** Answers at the {@code n}th reply, after {@code n - 1} rounds of searches ({@code n} at least 1). */
    public static ResearchScript rounds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a research script needs at least 1 round, got " + n);
        }
        return new ResearchScript(n, DEFAULT_CALL_GAP);
    }

    /** Searches every round and never answers: for checking that an agent stops after its most rounds. */
    public static ResearchScript endless() {
        return new ResearchScript(0, DEFAULT_CALL_GAP);
    }

    /** The same script with this pause between two calls' chunks (at time scale 1). */
    public ResearchScript withCallGap(Duration gap) {
        return new ResearchScript(rounds, gap);
    }

    /** The reply that answers (1 for the first), or 0 when {@link #isEndless() endless}. */
    public int rounds() {
        return rounds;
    }

    public boolean isEndless() {
        return rounds == 0;
    }

    /** The pause between two calls' chunks, at time scale 1. */
    public Duration callGap() {
        return callGap;
    }

    /** The OpenAlex ids ({@code W…}) a text cites as {@code [label](https://openalex.org/W…)}, in order. */
    public static List<String> citedWorkIds(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = CITATION_LINK.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /**
     * The citation label of one work as a search tool returns it (an OpenAlex work map):
     * {@code Lastname et al., 2021} from its first author and publication year.
     */
    public static String citation(Map<String, Object> work) {
        ReturnedWorks.Outcome outcome = ReturnedWorks.read(Map.of("results", List.of(work)));
        return outcome.works().isEmpty() ? "" : outcome.works().getFirst().citation();
    }

    @Override
    public ModelReply reply(ModelCall call) {
        Optional<SearchTool> tool = call.mayCallTools() ? searchTool(call.tools()) : Optional.empty();
        if (tool.isEmpty()) {
            return fallback.reply(call);
        }
        Research research = Research.of(call, tool.get());
        int round = research.rounds().size() + 1;
        if (!isEndless() && round >= rounds) {
            return finalAnswer(research);
        }
        return round == 1 ? firstRound(research) : laterRound(research, round);
    }

    /** The tool to call and its search parameter. */
    private record SearchTool(String name, String parameter) {
        TurnPart.FunctionCall call(String search) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put(parameter, search);
            return new TurnPart.FunctionCall(name, args);
        }
    }

    /** One round's searches as sent back. */
    private record Round(List<String> searches, List<ReturnedWorks.Work> works, int failed, int responses) {
    }

    /** The conversation since the question: the question, and each round of searches and results. */
    private record Research(String question, List<String> topic, List<Round> rounds, SearchTool tool) {

        static Research of(ModelCall call, SearchTool tool) {
            List<Turn> turns = call.turns();
            int start = 0;
            for (int i = turns.size() - 1; i >= 0; i--) {
                if (turns.get(i).isUserMessage()) {
                    start = i;
                    break;
                }
            }
            String question = turns.get(start).text().strip();
            List<Round> rounds = new ArrayList<>();
            List<String> searches = new ArrayList<>();
            for (Turn turn : turns.subList(start + 1, turns.size())) {
                for (TurnPart.FunctionCall c : turn.functionCalls()) {
                    searches.add(String.valueOf(c.args().getOrDefault(tool.parameter(), "")));
                }
                List<TurnPart.FunctionResponse> responses = turn.functionResponses();
                if (!responses.isEmpty()) {
                    List<ReturnedWorks.Work> works = new ArrayList<>();
                    int failed = 0;
                    for (TurnPart.FunctionResponse response : responses) {
                        ReturnedWorks.Outcome outcome = ReturnedWorks.read(response.response());
                        works.addAll(outcome.works());
                        failed += outcome.failed() ? 1 : 0;
                    }
                    rounds.add(new Round(List.copyOf(searches), works, failed, responses.size()));
                    searches.clear();
                }
            }
            List<String> topic = ResearchWords.questionWords(question);
            return new Research(question, topic.isEmpty() ? List.of(question) : topic, rounds, tool);
        }

        String topicText() {
            return String.join(" ", topic);
        }

        Set<String> usedWords() {
            Set<String> used = new LinkedHashSet<>(topic);
            rounds.forEach(r -> r.searches().forEach(s -> used.addAll(ResearchWords.words(s))));
            return used;
        }

        List<String> usedSearches() {
            return rounds.stream().flatMap(r -> r.searches().stream()).toList();
        }
    }

    private ModelReply firstRound(Research research) {
        List<String> topic = research.topic();
        int half = (topic.size() + 1) / 2;
        String all = research.topicText();
        String first = String.join(" ", topic.subList(0, half));
        String second = topic.size() > half ? String.join(" ", topic.subList(half, topic.size())) : first;
        List<String> searches = List.of(
                all,
                topic.size() > 1 ? quoted(first) + " AND " + quoted(second) : all + " " + ANGLES.get(0),
                all + " " + ANGLES.get(0),
                all + " " + ANGLES.get(3));
        ModelReply.Builder reply = ModelReply.streamed()
                .text(Duration.ZERO, "I'll start broad: ")
                .text(TEXT_GAP, numberWord(FIRST_ROUND_CALLS) + " searches on " + all
                        + ", then I'll narrow down from what the abstracts say.\n");
        return withCalls(reply, research.tool(), distinct(searches, research)).build();
    }

    private ModelReply laterRound(Research research, int round) {
        Round last = research.rounds().getLast();
        Set<String> texts = new LinkedHashSet<>();
        last.works().forEach(w -> texts.add(w.title() + "\n" + w.abstractText()));
        List<String> words = new ArrayList<>(ResearchWords.telling(texts, research.usedWords(), 5));
        List<String> found = List.copyOf(words);
        for (String angle : ANGLES.subList(1, ANGLES.size())) {
            if (words.size() >= 5) {
                break;
            }
            if (research.usedSearches().stream().noneMatch(s -> s.contains(angle))) {
                words.add(angle);
            }
        }
        while (words.size() < 5) {
            words.add(ANGLES.get((round + words.size()) % ANGLES.size()));
        }
        List<String> topic = research.topic();
        int half = (topic.size() + 1) / 2;
        String focus = String.join(" ", topic.subList(0, half));
        String rest = topic.size() > half ? String.join(" ", topic.subList(half, topic.size())) : focus;
        List<String> searches = List.of(
                focus + " " + words.get(0),
                quoted(words.get(1)) + " AND " + quoted(rest),
                words.get(2) + " " + words.get(3) + " " + focus);
        String intro = last.works().isEmpty()
                ? "The last " + last.responses() + " searches brought back no works"
                        + (last.failed() > 0 ? " (" + last.failed() + " failed)" : "") + ". "
                : "Round " + (round - 1) + " found " + last.works().size() + " works; "
                        + (found.isEmpty() ? "they add little beyond the question's words. "
                        : "their abstracts keep coming back to " + list(found.subList(0, Math.min(3, found.size())))
                        + ". ");
        ModelReply.Builder reply = ModelReply.streamed()
                .text(Duration.ZERO, intro)
                .text(TEXT_GAP, last.works().isEmpty() ? "Trying other angles:\n" : "Narrowing the search:\n");
        return withCalls(reply, research.tool(), distinct(searches, research)).build();
    }

    private ModelReply finalAnswer(Research research) {
        Map<String, ReturnedWorks.Work> works = new LinkedHashMap<>();
        Map<String, Integer> hits = new HashMap<>();
        int searches = 0;
        int failed = 0;
        for (Round round : research.rounds()) {
            searches += round.responses();
            failed += round.failed();
            for (ReturnedWorks.Work work : round.works()) {
                works.merge(work.id(), work, (a, b) -> a.title().isEmpty() ? b : a);
                hits.merge(work.id(), 1, Integer::sum);
            }
        }
        String text;
        if (works.isEmpty()) {
            text = "Final answer: " + (searches == 0 ? "I have not searched yet, so I have no works to cite on "
                    + research.topicText() + "."
                    : "None of the " + searches + " searches brought back any works"
                    + (failed == searches ? " (every one of them failed)" : failed > 0 ? " (" + failed + " failed)" : "")
                    + ", so I have no abstracts to cite on " + research.topicText()
                    + ". Please try again when the search service answers, or with broader terms.");
        } else {
            List<ReturnedWorks.Work> cited = works.values().stream()
                    .sorted(Comparator.<ReturnedWorks.Work>comparingInt(w -> -hits.get(w.id()))
                            .thenComparing(ReturnedWorks.Work::id))
                    .limit(MAX_CITATIONS).toList();
            text = answerText(research, cited, works.size(), searches);
        }
        ModelReply.Builder reply = ModelReply.streamed();
        List<String> pieces = StreamChunks.split(text);
        for (int i = 0; i < pieces.size(); i++) {
            reply.text(i == 0 ? Duration.ZERO : TEXT_GAP, pieces.get(i));
        }
        return reply.build();
    }

    private static String answerText(Research research, List<ReturnedWorks.Work> cited, int found, int searches) {
        StringBuilder text = new StringBuilder("Final answer: ");
        text.append("Judging only from the titles and abstracts of the ").append(found)
                .append(found == 1 ? " work" : " works").append(" that ").append(searches)
                .append(searches == 1 ? " search" : " searches").append(" brought back, research on ")
                .append(research.topicText()).append(' ');
        if (cited.size() == 1) {
            text.append("rests on a single relevant study, ").append(reference(cited.getFirst())).append('.');
        } else {
            text.append("points in several directions. One line of work reports ").append(reference(cited.get(0)))
                    .append(", while another examines ").append(reference(cited.get(1))).append('.');
            if (cited.size() > 2) {
                text.append(" A third strand comes from ").append(reference(cited.get(2))).append('.');
            }
        }
        text.append("\n\n");
        if (cited.size() > 3) {
            text.append("Further support appears in ").append(reference(cited.get(3)));
            if (cited.size() > 4) {
                text.append(" and ").append(reference(cited.get(4)));
            }
            text.append(". ");
        }
        text.append("These are readings of abstracts, not of full papers: methods, samples and effect sizes need"
                + " the papers themselves.");
        return text.toString();
    }

    private static String reference(ReturnedWorks.Work work) {
        String title = work.title().replaceAll("[.\\s]+$", "");
        return (title.isEmpty() ? "an untitled work" : "\u201c" + title + "\u201d")
                + " [" + work.citation() + "](" + work.url() + ")";
    }

    /**
     * The calls, each in a chunk of its own, then three chunks of text: a model that explains while
     * its tools run. So the stream goes on after the last call, and a client that starts each search
     * as its call appears finishes a round earlier than one that waits for the stream to end.
     */
    private ModelReply.Builder withCalls(ModelReply.Builder reply, SearchTool tool, List<String> searches) {
        for (String search : searches) {
            reply.call(callGap, tool.call(search));
        }
        for (String piece : WHILE_SEARCHING) {
            reply.text(callGap, piece);
        }
        return reply;
    }

    /** What the model says after its calls, a chunk each. */
    static final List<String> WHILE_SEARCHING = List.of("While those run: ", "I'll look for mechanisms, study designs ",
            "and sample sizes in what comes back.\n");

    // Searches the conversation has not made yet (a repeat gets the next unused angle).
    private static List<String> distinct(List<String> searches, Research research) {
        Set<String> used = new LinkedHashSet<>(research.usedSearches());
        List<String> result = new ArrayList<>();
        for (String search : searches) {
            String candidate = search;
            for (int i = 0; used.contains(candidate) && i < ANGLES.size(); i++) {
                candidate = search + " " + ANGLES.get(i);
            }
            used.add(candidate);
            result.add(candidate);
        }
        return result;
    }

    private static Optional<SearchTool> searchTool(List<ToolDeclaration> tools) {
        for (ToolDeclaration tool : tools) {
            if (!tool.name().toLowerCase(Locale.ROOT).contains("search")) {
                continue;
            }
            Optional<String> parameter = soleStringParameter(tool.parameters());
            if (parameter.isPresent()) {
                return Optional.of(new SearchTool(tool.name(), parameter.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> soleStringParameter(Map<String, Object> schema) {
        if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        properties.forEach((name, property) -> {
            if (property instanceof Map<?, ?> p && "string".equalsIgnoreCase(String.valueOf(p.get("type")))) {
                strings.add(String.valueOf(name));
            }
        });
        if (schema.get("required") instanceof List<?> required && !required.isEmpty()) {
            return required.size() == 1 && strings.contains(String.valueOf(required.getFirst()))
                    ? Optional.of(String.valueOf(required.getFirst())) : Optional.empty();
        }
        return strings.size() == 1 ? Optional.of(strings.getFirst()) : Optional.empty();
    }

    // OpenAlex's exact-phrase syntax, for more than one word.
    private static String quoted(String words) {
        return words.contains(" ") ? "\"" + words + "\"" : words;
    }

    private static String list(List<String> words) {
        return switch (words.size()) {
            case 1 -> words.getFirst();
            case 2 -> words.get(0) + " and " + words.get(1);
            default -> String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
        };
    }

    private static String numberWord(int n) {
        return switch (n) {
            case 1 -> "one";
            case 2 -> "two";
            case 3 -> "three";
            case 4 -> "four";
            case 5 -> "five";
            default -> String.valueOf(n);
        };
    }
}
