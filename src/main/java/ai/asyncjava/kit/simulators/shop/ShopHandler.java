package ai.asyncjava.kit.simulators.shop;

import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import ai.asyncjava.kit.simulators.StableHash;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves one host of the shop simulator: route the target, log the arrival and ask the quota in
 * one step, wait the simulated latency, answer. Nothing a client sends can stop the server: an
 * unexpected exception becomes a logged 500.
 */
final class ShopHandler implements HttpHandler {

    /** Logged when the client went away before the answer was written (nginx's convention). */
    static final int CLIENT_CLOSED = LoggedRequest.CLIENT_CLOSED;

    private final ShopSimulator simulator;
    private final boolean partnerHost;
    private final Set<Integer> seenConnections = ConcurrentHashMap.newKeySet();
    private volatile String host;
    private volatile Site site;
    private volatile String baseUrl;

    ShopHandler(ShopSimulator simulator, boolean partnerHost) {
        this.simulator = simulator;
        this.partnerHost = partnerHost;
    }

    /** Called once the site exists; requests before that wait for it (see {@link #awaitSite}). */
    synchronized void ready(SiteMap map, String hostAndPort) {
        this.site = partnerHost ? map.partner() : map.shop();
        this.baseUrl = partnerHost ? map.partnerBaseUrl() : map.baseUrl();
        this.host = hostAndPort;
        notifyAll();
    }

    /** Forgets which connections were seen: the next request on each counts as new. */
    void forgetConnections() {
        seenConnections.clear();
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            // The client vanished while we read its request; no one is left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is stopping
        } finally {
            exchange.close();
        }
    }

    private synchronized void awaitSite() throws InterruptedException {
        while (site == null) {
            wait();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        if (site == null) {
            awaitSite();
        }
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream()); // so the connection can be reused
        ShopConfig config = simulator.config();
        URI uri = exchange.getRequestURI();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String method = exchange.getRequestMethod();
        Site.Route route;
        RuntimeException routingFailure = null;
        try {
            route = site.route(uri.getRawPath(), uri.getRawQuery());
        } catch (RuntimeException e) {
            route = new Site.Route.Unknown();
            routingFailure = e; // answered with a logged 500 below
        }
        URI page = route instanceof Site.Route.Found found ? URI.create(baseUrl + found.page().target()) : null;
        InetSocketAddress remote = exchange.getRemoteAddress();
        int port = remote == null ? 0 : remote.getPort();
        boolean newConnection = seenConnections.add(port);
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        SlidingWindowQuota quota = simulator.quota();
        ShopLog.Entry entry = simulator.log().open(host, target, page, userAgent == null ? "" : userAgent, port,
                newConnection, now -> quota.tryAcquire(host, now, 0));
        try {
            if (routingFailure != null) {
                throw routingFailure;
            }
            if (!entry.decision().admitted()) {
                tooManyRequests(exchange, entry, config);
                return;
            }
            boolean robots = route instanceof Site.Route.Robots;
            if (!robots) {
                pause(config, entry, route);
            }
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, entry, site.error(405, "Method not allowed",
                        method + " is not allowed here; use GET or HEAD."), false);
                return;
            }
            switch (route) {
                case Site.Route.Robots r -> sendBody(exchange, entry, 200, "text/plain; charset=utf-8",
                        site.robotsTxt(config.crawlDelay()).getBytes(StandardCharsets.UTF_8), head);
                case Site.Route.Bad bad -> send(exchange, entry, site.error(400, "Bad request", bad.why()), head);
                case Site.Route.Unknown u -> send(exchange, entry, site.notFound(uri.getRawPath()), head);
                case Site.Route.Found found -> {
                    Site.Rendered rendered = site.render(found.page());
                    if (rendered.location() != null) {
                        exchange.getResponseHeaders().set("Location", rendered.location());
                    }
                    send(exchange, entry, rendered, head);
                }
            }
        } catch (IOException e) {
            entry.finish(CLIENT_CLOSED);
        } catch (RuntimeException e) {
            // A bug in the simulator: answer 500 like a real server would, and say why.
            System.err.println("Shop simulator: request " + entry.id() + " (" + target + ") failed: " + e);
            try {
                send(exchange, entry, site.error(500, "Something went wrong", "The server could not answer."), false);
            } catch (IOException | RuntimeException unsendable) {
                entry.finish(CLIENT_CLOSED); // headers were already sent, or the client is gone
            }
        } finally {
            entry.finish(0); // only takes effect when nothing was sent
        }
    }

    // The configured latency (times the slow factor on a slow page), drawn per request id.
    private static void pause(ShopConfig config, ShopLog.Entry entry, Site.Route route) throws InterruptedException {
        Duration delay = config.latency().sample(new SplittableRandom(StableHash.combine(config.latencySeed(), entry.id())));
        if (route instanceof Site.Route.Found found && found.page().slow()) {
            delay = Duration.ofNanos(Math.round(delay.toNanos() * config.slowFactor()));
        }
        if (delay.isPositive()) {
            Thread.sleep(delay);
        }
    }

    private void tooManyRequests(HttpExchange exchange, ShopLog.Entry entry, ShopConfig config) throws IOException {
        Duration wait = entry.decision().retryAfter();
        long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L); // whole seconds, rounded up
        exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        send(exchange, entry, site.error(429, "Too many requests", "This host takes " + config.quota()
                + ". Try again in " + seconds + " s."), exchange.getRequestMethod().equals("HEAD"));
    }

    private static void send(HttpExchange exchange, ShopLog.Entry entry, Site.Rendered rendered, boolean head)
            throws IOException {
        sendBody(exchange, entry, rendered.status(), "text/html; charset=utf-8",
                rendered.html().getBytes(StandardCharsets.UTF_8), head);
    }

    // Fixed Content-Length; a HEAD answer carries the length of the body it leaves out.
    private static void sendBody(HttpExchange exchange, ShopLog.Entry entry, int status, String contentType,
                                 byte[] body, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            entry.finish(status);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        entry.finish(status); // just before the body: a client holding the answer finds it logged
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
