package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.types.ListModelsConfig;
import com.google.genai.types.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** countTokens, models.list (with paging) and models.get through the SDK. */
class CountTokensAndModelsTest {
    @RegisterExtension
    static final SimulatorExtension GEMINI = SimulatorExtension.fast();


    @Test
    void countTokensMatchesTheHelper() {
        String text = "How many tokens does this sentence have, roughly?";
        int counted = GEMINI.client().models.countTokens("gemini-2.5-flash", text, null).totalTokens().orElseThrow();
        assertEquals(GeminiAnswers.tokenCount(text), counted);
        assertTrue(counted > 5);
    }

    @Test
    void listsEveryModelPageByPage() {
        GEMINI.sim().reset();
        List<String> names = new ArrayList<>();
        for (Model model : GEMINI.client().models.list(ListModelsConfig.builder().pageSize(3).build())) {
            names.add(model.name().orElseThrow());
        }
        assertEquals(GeminiModel.ALL.stream().map(GeminiModel::resourceName).toList(), names);
        assertEquals(3, GEMINI.sim().log().requests().stream().filter(r -> r.method().equals("models.list")).count());
    }

    @Test
    void getsOneModel() {
        Model model = GEMINI.client().models.get("gemini-2.5-flash", null);
        assertEquals("models/gemini-2.5-flash", model.name().orElseThrow());
        assertTrue(model.inputTokenLimit().orElseThrow() > 1000);
    }
}
