package ai.asyncjava.solutions.ch06;

import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.Schema;
import com.google.genai.types.Type;
import java.util.Map;

/** The search tool as the model sees it: a name, what it does, and one string parameter. */
public class SearchDeclaration {

    public static final String NAME = "search_openalex";

    private SearchDeclaration() {
    }

    public static FunctionDeclaration declaration() {
        Schema search = Schema.builder()
                .type(Type.Known.STRING)
                .description("Search terms, 1 to 10 words work best. Use AND, OR, NOT (in upper case) for "
                        + "boolean searches, and double quotes for an exact phrase.")
                .build();
        return FunctionDeclaration.builder()
                .name(NAME)
                .description("Searches the OpenAlex database of academic works; returns the best matches with "
                        + "their titles, authors, years and abstracts.")
                .parameters(Schema.builder()
                        .type(Type.Known.OBJECT)
                        .properties(Map.of("search", search))
                        .required("search")
                        .build())
                .build();
    }
}
