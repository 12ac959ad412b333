package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.StableHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenAlex-shaped search results made up for the tests, their abstracts about the given words. */
final class FakeWorks {

    private FakeWorks() {
    }

    /** {@code {"meta": …, "results": [3 works]}} for {@code search}, whose abstracts keep using {@code themes}. */
    static Map<String, Object> results(String search, List<String> themes) {
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(work(search, i, themes));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("meta", Map.of("count", 3, "page", 1, "per_page", 10));
        response.put("results", results);
        return response;
    }

    /** The id ({@code W…}) of the {@code i}th work a search for {@code search} returns. */
    static String id(String search, int i) {
        return "W" + (2_000_000_000L + Math.floorMod(StableHash.of(search + "#" + i), 1_000_000_000L));
    }

    static Map<String, Object> work(String search, int i, List<String> themes) {
        String theme = themes.get(i % themes.size());
        String other = themes.get((i + 1) % themes.size());
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("id", "https://openalex.org/" + id(search, i));
        String title = "The " + theme + " of " + search.replace("\"", "");
        work.put("title", title);
        work.put("display_name", title);
        work.put("publication_year", 2015 + Math.floorMod(StableHash.of(search) + i, 10));
        work.put("authorships", List.of(
                Map.of("author_position", "first", "author", Map.of("display_name", "Ana " + surname(search, i))),
                Map.of("author_position", "last", "author", Map.of("display_name", "Li Wei"))));
        work.put("abstract_inverted_index", invertedIndex("We tie " + theme + " to " + other + ", and "
                + other + " to " + theme + "."));
        return work;
    }

    static String surname(String search, int i) {
        String[] names = {"Lopez", "Okafor", "Nakamura", "Schmidt", "Rossi", "Kowalski", "Haddad"};
        return names[Math.floorMod(StableHash.of(search) + i, names.length)];
    }

    static Map<String, Object> invertedIndex(String text) {
        Map<String, Object> index = new LinkedHashMap<>();
        String[] words = text.split(" ");
        for (int p = 0; p < words.length; p++) {
            @SuppressWarnings("unchecked")
            List<Integer> positions = (List<Integer>) index.computeIfAbsent(words[p], w -> new ArrayList<Integer>());
            positions.add(p);
        }
        return index;
    }
}
