package ai.asyncjava.kit.checks.ch06;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.Schema;
import com.google.genai.types.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The hidden checks of chapter 06's step 2: the search tool's declaration, as the model will read it. */
@HiddenChecks(secondsPerCheck = 2)
class DeclarationChecks {

    static final String NAME = "search_openalex";

    @Test
    @Order(1)
    @DisplayName("is named search_openalex and says what it does")
    void nameAndDescription(Supplier<FunctionDeclaration> declarations) {
        FunctionDeclaration declaration = declaration(declarations);
        String name = declaration.name().orElse("");
        if (!NAME.equals(name)) {
            fail("The declaration is named \"" + name + "\"; name it " + NAME + ": the model calls a tool by this name, "
                    + "and the agent matches its calls with it.");
        }
        if (declaration.description().orElse("").isBlank()) {
            fail("The declaration has no description. The model chooses and uses a tool from its description: say that "
                    + "it searches academic works.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("takes one required string parameter, search, described for the model")
    void searchParameter(Supplier<FunctionDeclaration> declarations) {
        FunctionDeclaration declaration = declaration(declarations);
        Schema parameters = declaration.parameters().orElse(null);
        if (parameters == null) {
            fail("The declaration has no parameters: give it a Schema of type OBJECT with a property \"search\".");
        }
        if (!isType(parameters, Type.Known.OBJECT)) {
            fail("The parameters' schema has the type " + parameters.type().map(Object::toString).orElse("(none)")
                    + "; the parameters of a function are an OBJECT whose properties are the arguments.");
        }
        Map<String, Schema> properties = parameters.properties().orElse(Map.of());
        Schema search = properties.get("search");
        if (search == null) {
            fail("The parameters have the properties " + properties.keySet() + "; the tool takes one, \"search\".");
        }
        if (!isType(search, Type.Known.STRING)) {
            fail("The property \"search\" has the type " + search.type().map(Object::toString).orElse("(none)")
                    + "; a search is a STRING.");
        }
        if (!parameters.required().orElse(List.of()).contains("search")) {
            fail("\"search\" is not required: list it in required(...), or the model may call the tool without it.");
        }
        String description = search.description().orElse("");
        if (!description.contains("AND") || !description.contains("\"") && !description.toLowerCase().contains("quot")) {
            fail("The description of \"search\" is \"" + description + "\". Tell the model how the API reads a search: "
                    + "AND, OR and NOT in upper case, and double quotes around an exact phrase.");
        }
    }

    private static FunctionDeclaration declaration(Supplier<FunctionDeclaration> declarations) {
        FunctionDeclaration declaration = declarations.get();
        if (declaration == null) {
            fail("The declaration is null.");
        }
        return declaration;
    }

    private static boolean isType(Schema schema, Type.Known type) {
        return schema.type().map(t -> t.knownEnum() == type).orElse(false);
    }
}
