package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch06.Chapter06;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.Schema;
import com.google.genai.types.Type;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The declaration's checks pass on the reference and catch a misnamed tool and a parameter the model may skip. */
class DeclarationChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<FunctionDeclaration>>of(Chapter06.DECLARATION, "SearchDeclaration",
                        SearchDeclaration::declaration)
                .mutant("MisnamedDeclaration", () -> SearchDeclaration.declaration().toBuilder().name("search").build(),
                        "nameAndDescription")
                .mutant("OptionalSearchDeclaration", () -> SearchDeclaration.declaration().toBuilder()
                        .parameters(Schema.builder().type(Type.Known.OBJECT).properties(Map.of("search", Schema.builder()
                                .type(Type.Known.STRING).description("Use AND, OR, NOT and \"quotes\".").build())).build())
                        .build(), "searchParameter")
                .tests();
    }
}
