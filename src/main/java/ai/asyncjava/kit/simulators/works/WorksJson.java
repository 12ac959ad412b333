package ai.asyncjava.kit.simulators.works;

import ai.asyncjava.kit.simulators.StableHash;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes works and listings in OpenAlex's JSON: a work's fields in the order its API sends them,
 * only those asked for with {@code select}; the listing's {@code meta}, {@code results} and
 * {@code group_by}; the error body.
 */
final class WorksJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The top-level fields of a work that the simulator sends, in OpenAlex's order; each can be selected. */
    static final List<String> FIELDS = List.of("id", "doi", "title", "display_name", "relevance_score",
            "publication_year", "publication_date", "ids", "language", "primary_location", "type", "open_access",
            "authorships", "cited_by_count", "referenced_works_count", "referenced_works", "abstract_inverted_index",
            "cited_by_api_url", "updated_date", "created_date");

    private WorksJson() {
    }

    /**
     * The fields {@code select} asks for (null: all).
     *
     * @throws WorksError (400) for a field a work does not have, with OpenAlex's message
     */
    static Set<String> select(String select) {
        if (select == null || select.isEmpty()) {
            return null;
        }
        Set<String> fields = new java.util.LinkedHashSet<>();
        for (String field : select.split(",", -1)) {
            String name = field.strip();
            if (!FIELDS.contains(name)) {
                throw WorksError.invalidParameter(name + " is not a valid select field. Valid fields for select are: "
                        + String.join(", ", FIELDS) + ".");
            }
            fields.add(name);
        }
        return fields;
    }

    /** A listing: {@code {"meta": {...}, "results": [...], "group_by": []}}. */
    static byte[] listing(SearchResult result, Set<String> select, long dbResponseTimeMs) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode meta = body.putObject("meta");
        meta.put("count", result.count());
        meta.put("db_response_time_ms", dbResponseTimeMs);
        meta.put("page", result.page());
        meta.put("per_page", result.perPage());
        meta.putNull("groups_count");
        ArrayNode results = body.putArray("results");
        for (SearchResult.Hit hit : result.hits()) {
            results.add(work(hit.work(), hit.relevanceScore(), select));
        }
        body.putArray("group_by");
        return bytes(body);
    }

    /** One work, as {@code /works/W…} sends it. */
    static byte[] single(Work work, Set<String> select) {
        return bytes(work(work, Double.NaN, select));
    }

    /** OpenAlex's error body. */
    static byte[] error(String error, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("message", message);
        return bytes(body);
    }

    /** A work's JSON; {@code relevance} is left out when NaN (no search), like OpenAlex does. */
    static ObjectNode work(Work w, double relevance, Set<String> select) {
        ObjectNode node = JSON.createObjectNode();
        long hash = StableHash.of(w.id());
        boolean openAccess = Math.floorMod(hash, 5) < 2;
        for (String field : FIELDS) {
            if (select != null && !select.contains(field)) {
                continue;
            }
            switch (field) {
                case "id" -> node.put(field, w.id());
                case "doi" -> node.put(field, w.doi());
                case "title", "display_name" -> node.put(field, w.title());
                case "relevance_score" -> {
                    if (!Double.isNaN(relevance)) {
                        node.put(field, relevance);
                    }
                }
                case "publication_year" -> node.put(field, w.publicationYear());
                case "publication_date" -> node.put(field, w.publicationDate());
                case "ids" -> node.putObject(field).put("openalex", w.id()).put("doi", w.doi());
                case "language" -> node.put(field, "en");
                case "primary_location" -> primaryLocation(node.putObject(field), w, openAccess);
                case "type" -> node.put(field, "article");
                case "open_access" -> {
                    ObjectNode oa = node.putObject(field);
                    oa.put("is_oa", openAccess);
                    oa.put("oa_status", openAccess ? "gold" : "closed");
                    if (openAccess) {
                        oa.put("oa_url", w.doi());
                    } else {
                        oa.putNull("oa_url");
                    }
                    oa.put("any_repository_has_fulltext", false);
                }
                case "authorships" -> authorships(node.putArray(field), w);
                case "cited_by_count" -> node.put(field, w.citedByCount());
                case "referenced_works_count" -> node.put(field, w.referencedWorks().size());
                case "referenced_works" -> w.referencedWorks().forEach(node.putArray(field)::add);
                case "abstract_inverted_index" -> {
                    ObjectNode index = node.putObject(field);
                    w.invertedIndex().forEach((word, positions) -> positions.forEach(index.putArray(word)::add));
                }
                case "cited_by_api_url" -> node.put(field, "https://api.openalex.org/works?filter=cites:" + w.shortId());
                case "updated_date" -> node.put(field, "2025-06-01T00:00:00");
                case "created_date" -> node.put(field, w.publicationDate());
                default -> throw new IllegalStateException("no writer for " + field);
            }
        }
        return node;
    }

    private static void primaryLocation(ObjectNode location, Work w, boolean openAccess) {
        location.put("is_oa", openAccess);
        location.put("landing_page_url", w.doi());
        location.putNull("pdf_url");
        ObjectNode source = location.putObject("source");
        long sourceNumber = 4_200_000_000L + Math.floorMod(StableHash.of(w.source()), 99_999_999L);
        source.put("id", Work.ID_PREFIX + "S" + sourceNumber);
        source.put("display_name", w.source());
        String issn = String.format(Locale.ROOT, "%04d-%04d", sourceNumber % 10_000, (sourceNumber / 10_000) % 10_000);
        source.put("issn_l", issn);
        source.putArray("issn").add(issn);
        source.put("is_oa", openAccess);
        source.put("is_in_doaj", openAccess);
        source.put("host_organization_name", "Simulated Academic Press");
        source.put("type", "journal");
        if (openAccess) {
            location.put("license", "cc-by");
        } else {
            location.putNull("license");
        }
        location.put("version", "publishedVersion");
    }

    private static void authorships(ArrayNode authorships, Work w) {
        List<String> authors = w.authors();
        for (int i = 0; i < authors.size(); i++) {
            String name = authors.get(i);
            ObjectNode authorship = authorships.addObject();
            authorship.put("author_position", i == 0 ? "first" : i == authors.size() - 1 ? "last" : "middle");
            ObjectNode author = authorship.putObject("author");
            author.put("id", Work.ID_PREFIX + "A" + (5_000_000_000L + Math.floorMod(StableHash.of(name), 999_999_999L)));
            author.put("display_name", name);
            String[] institution = CorpusWriter.institutionOf(name);
            ObjectNode place = authorship.putArray("institutions").addObject();
            place.put("id", Work.ID_PREFIX + "I" + (100_000_000L + Math.floorMod(StableHash.of(institution[0]), 899_999_999L)));
            place.put("display_name", institution[0]);
            place.put("country_code", institution[1]);
            place.put("type", "education");
            authorship.putArray("countries").add(institution[1]);
            authorship.put("is_corresponding", i == 0);
            authorship.put("raw_author_name", name);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
