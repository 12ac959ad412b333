package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.exercises.ch05.HostLimit;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * A fetcher with manners: before a host's first page it reads that host's robots.txt, it drops
 * the links robots.txt disallows, and it sends nothing to a host until that host's limiter says so,
 * redirects included: it follows them itself, with a client that does not.
 */
public class PolitePageFetcher implements PageFetcher {

    /** As many as browsers and HttpClient follow before they give up. */
    private static final int MAX_REDIRECTS = 5;

    private final HostLimit limit;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public PolitePageFetcher(HostLimit limit) {
        this.limit = limit;
    }

    @Override
    public ParsedPage fetch(HttpClient client, URI url) throws IOException, InterruptedException {
        URI next = url;
        // The client does not follow redirects: a redirect is one more request to a host, maybe
        // another host, and each request must wait for its host's permit and obey its rules.
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Host host = hostOf(next);
            BaseRobotRules rules = host.rules(client, next);
            if (!rules.isAllowed(next.toString())) {
                throw new IOException("robots.txt disallows " + next);
            }
            host.limiter.acquire();
            HttpResponse<String> response = client.send(request(next), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status / 100 == 3 && location.isPresent()) {
                next = next.resolve(location.get());
                continue;
            }
            if (status / 100 != 2) {
                throw new IOException("HTTP " + status + " for " + next);
            }
            // Links robots.txt disallows are not worth following: they never reach the frontier.
            Set<URI> allowed = ShopPageFetcher.sameHostLinks(response.body(), next).stream()
                    .filter(link -> rules.isAllowed(link.toString()))
                    .collect(Collectors.toSet());
            return new ParsedPage(next, response.body(), allowed);
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private static HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url)
                .header("User-Agent", USER_AGENT + "/1.0")
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    // computeIfAbsent only builds the small Host object; the slow robots.txt request happens
    // later, outside the map, so one host's request never blocks another's.
    private Host hostOf(URI url) {
        return hosts.computeIfAbsent(url.getRawAuthority(),
                authority -> new Host(limit.limiters().create(limit.requests(), limit.window())));
    }

    /** What the crawler keeps per host: its limiter, and its robots rules once read. */
    private static final class Host {
        private final RateLimiter limiter;
        private final ReentrantLock robotsLock = new ReentrantLock();
        private BaseRobotRules rules; // guarded by robotsLock

        Host(RateLimiter limiter) {
            this.limiter = limiter;
        }

        /** The host's rules, read on first use; the workers that arrive meanwhile wait for them. */
        BaseRobotRules rules(HttpClient client, URI anyPage) throws IOException, InterruptedException {
            robotsLock.lockInterruptibly();
            try {
                if (rules == null) {
                    rules = read(client, anyPage.resolve("/robots.txt"));
                }
                return rules;
            } finally {
                robotsLock.unlock();
            }
        }

        private BaseRobotRules read(HttpClient client, URI robotsTxt) throws IOException, InterruptedException {
            limiter.acquire(); // robots.txt is a request like any other
            HttpResponse<byte[]> response = client.send(request(robotsTxt), HttpResponse.BodyHandlers.ofByteArray());
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            if (response.statusCode() != 200) {
                // crawler-commons knows the convention: a 404 allows everything, a 5xx nothing.
                return parser.failedFetch(response.statusCode());
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("text/plain");
            return parser.parseContent(robotsTxt.toString(), response.body(), contentType,
                    List.of(USER_AGENT.toLowerCase()));
        }
    }
}
