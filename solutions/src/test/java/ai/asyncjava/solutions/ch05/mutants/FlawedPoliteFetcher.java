package ai.asyncjava.solutions.ch05.mutants;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.exercises.ch05.HostLimit;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.solutions.ch05.ShopPageFetcher;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Mutants of the polite fetcher: robots.txt and a limiter per host, with one mistake switched on. */
public class FlawedPoliteFetcher implements PageFetcher {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /**
         * None of its own but the usual one: it asks the limiter once per fetch while the crawler's
         * client follows redirects, so a redirect's second request goes without a permit.
         */
        REDIRECT_WITHOUT_PERMIT,
        /** Reads robots.txt but sends as fast as the workers go. */
        NO_LIMITER,
        /** Makes a new limiter for every request, which therefore never waits. */
        LIMITER_PER_REQUEST,
        /** Keeps to the limit but never reads robots.txt. */
        NO_ROBOTS,
        /** Reads robots.txt again before every page. */
        ROBOTS_PER_PAGE,
        /** Reads robots.txt but follows every link anyway. */
        IGNORES_RULES,
        /** Obeys robots.txt only when asked for a disallowed page, so disallowed links use up the budget. */
        REFUSES_AT_FETCH_ONLY,
    }

    private final PageFetcher plain = new ShopPageFetcher();
    private final HostLimit limit;
    private final Flaw flaw;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, BaseRobotRules> rules = new ConcurrentHashMap<>();

    public FlawedPoliteFetcher(HostLimit limit, Flaw flaw) {
        this.limit = limit;
        this.flaw = flaw;
    }

    @Override
    public ParsedPage fetch(HttpClient client, URI url) throws IOException, InterruptedException {
        BaseRobotRules hostRules = flaw == Flaw.NO_ROBOTS ? null : rulesFor(client, url);
        if (flaw == Flaw.REFUSES_AT_FETCH_ONLY && !hostRules.isAllowed(url.toString())) {
            throw new IOException("robots.txt disallows " + url);
        }
        acquire(url);
        ParsedPage page = plain.fetch(client, url);
        if (hostRules == null || flaw == Flaw.IGNORES_RULES || flaw == Flaw.REFUSES_AT_FETCH_ONLY) {
            return page;
        }
        Set<URI> allowed = page.links().stream().filter(link -> hostRules.isAllowed(link.toString()))
                .collect(Collectors.toSet());
        return new ParsedPage(page.url(), page.html(), allowed);
    }

    private void acquire(URI url) throws InterruptedException {
        switch (flaw) {
            case NO_LIMITER -> { }
            case LIMITER_PER_REQUEST -> limit.limiters().create(limit.requests(), limit.window()).acquire();
            default -> limiters.computeIfAbsent(url.getRawAuthority(),
                    host -> limit.limiters().create(limit.requests(), limit.window())).acquire();
        }
    }

    private synchronized BaseRobotRules rulesFor(HttpClient client, URI url) throws IOException, InterruptedException {
        BaseRobotRules known = rules.get(url.getRawAuthority());
        if (known != null && flaw != Flaw.ROBOTS_PER_PAGE) {
            return known;
        }
        URI robotsTxt = url.resolve("/robots.txt");
        acquire(url);
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(robotsTxt)
                .header("User-Agent", USER_AGENT + "/1.0").build(), HttpResponse.BodyHandlers.ofByteArray());
        BaseRobotRules read = new SimpleRobotRulesParser().parseContent(robotsTxt.toString(), response.body(),
                "text/plain", List.of(USER_AGENT.toLowerCase()));
        rules.put(url.getRawAuthority(), read);
        return read;
    }
}
