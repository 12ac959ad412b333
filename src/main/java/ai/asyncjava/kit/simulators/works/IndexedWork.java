package ai.asyncjava.kit.simulators.works;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A work as the search sees it: the terms of its title and abstract, and how often each occurs. */
final class IndexedWork {

    final Work work;
    final List<String> titleTerms;
    final List<String> abstractTerms;
    private final Map<String, Integer> titleCounts = new HashMap<>();
    private final Map<String, Integer> abstractCounts = new HashMap<>();

    IndexedWork(Work work) {
        this.work = work;
        this.titleTerms = List.copyOf(Text.terms(work.title()));
        this.abstractTerms = List.copyOf(Text.terms(work.abstractText()));
        titleTerms.forEach(t -> titleCounts.merge(t, 1, Integer::sum));
        abstractTerms.forEach(t -> abstractCounts.merge(t, 1, Integer::sum));
    }

    /** Every distinct term, for document frequencies. */
    Iterable<String> distinctTerms() {
        Map<String, Integer> all = new HashMap<>(abstractCounts);
        all.putAll(titleCounts);
        return all.keySet();
    }

    /** How many terms the search reads: title and abstract together. */
    int length() {
        return titleTerms.size() + abstractTerms.size();
    }

    /** Occurrences of a term (one element) or of a phrase (its terms in a row) in the title. */
    int inTitle(List<String> terms) {
        return terms.size() == 1 ? titleCounts.getOrDefault(terms.getFirst(), 0) : occurrences(titleTerms, terms);
    }

    /** Occurrences of a term or phrase in the abstract. */
    int inAbstract(List<String> terms) {
        return terms.size() == 1 ? abstractCounts.getOrDefault(terms.getFirst(), 0) : occurrences(abstractTerms, terms);
    }

    private static int occurrences(List<String> text, List<String> phrase) {
        int found = 0;
        outer:
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!text.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }
}
