package ai.asyncjava.kit.checks.ch06;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch06.AbstractRebuilder;
import ai.asyncjava.kit.exercises.ch06.ResearchAgentFactory;
import ai.asyncjava.kit.exercises.ch06.WorksSearchFactory;
import com.google.genai.types.FunctionDeclaration;
import java.util.function.Supplier;

/**
 * The checks of chapter 06, one method per exercise. A notebook's check cell is one call, left as
 * the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter06.checkAgent(StreamingResearchAgent::new)}</pre>
 */
public final class Chapter06 {

    /** Step 1: an abstract from its inverted index. */
    public static final Exercise ABSTRACTS =
            new Exercise("Step 1, InvertedIndexAbstract: the abstract as text", AbstractRebuilderChecks.class);

    /** Step 1: the search tool. */
    public static final Exercise SEARCH =
            new Exercise("Step 1, OpenAlexSearch: one search of the works API", WorksSearchChecks.class);

    /** Step 2: the tool's declaration. */
    public static final Exercise DECLARATION =
            new Exercise("Step 2, SearchDeclaration: the tool as the model sees it", DeclarationChecks.class);

    /** Step 3: the agent. */
    public static final Exercise AGENT =
            new Exercise("Step 3, StreamingResearchAgent: searches as the calls stream in", AgentChecks.class);

    private Chapter06() {}

    /** Checks an abstract rebuilder; {@code newRebuilder} makes a fresh one, {@code InvertedIndexAbstract::new}. */
    public static CheckReport checkAbstractRebuilder(Supplier<? extends AbstractRebuilder> newRebuilder) {
        return ABSTRACTS.check(newRebuilder);
    }

    /** Checks a search tool; {@code newSearch} makes one for a client and an API root, {@code OpenAlexSearch::new}. */
    public static CheckReport checkSearch(WorksSearchFactory newSearch) {
        return SEARCH.check(newSearch);
    }

    /** Checks the tool's declaration; {@code declaration} gives it, {@code SearchDeclaration::declaration}. */
    public static CheckReport checkDeclaration(Supplier<FunctionDeclaration> declaration) {
        return DECLARATION.check(declaration);
    }

    /** Checks an agent; {@code newAgent} makes a fresh one (client, search, maxRounds, search timeout). */
    public static CheckReport checkAgent(ResearchAgentFactory newAgent) {
        return AGENT.check(newAgent);
    }
}
