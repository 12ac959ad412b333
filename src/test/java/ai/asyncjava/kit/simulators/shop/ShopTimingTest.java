package ai.asyncjava.kit.simulators.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Http;
import ai.asyncjava.kit.simulators.LatencyModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Latency, slow pages, the per-host quota and the simulator's own overhead. */
class ShopTimingTest {

    @Test
    void everyAnswerButRobotsTakesTheLatencyAndSlowPagesTheSlowFactorTimesIt() {
        ShopConfig config = ShopConfig.fast().withLatency(LatencyModel.fixed(Duration.ofMillis(60))).withSlowFactor(4);
        try (ShopSimulator shop = ShopSimulator.start(config); HttpClient client = Http.client()) {
            SiteMap map = shop.map();
            URI slow = map.slowPages().iterator().next();
            URI normal = map.okPages().stream().filter(u -> u.getPath().startsWith("/product/") && !map.slowPages().contains(u))
                    .findFirst().orElseThrow();
            URI missing = map.brokenPages().stream().filter(u -> map.status(u) == 404).findFirst().orElseThrow();
            for (URI page : List.of(slow, normal, missing, URI.create(shop.baseUrl() + "/nope"))) {
                Http.get(client, page.toString());
            }
            Http.get(client, shop.baseUrl() + "/robots.txt");
            try (HttpClient raw = Http.noRedirects()) {
                Http.get(raw, map.redirectSource().toString());
            }
            List<ShopRequest> rows = shop.log().requests();
            assertEquals(6, rows.size());
            assertBetween(240, 800, rows.get(0).durationMs(), "a slow page");
            assertBetween(60, 200, rows.get(1).durationMs(), "a product page");
            assertBetween(60, 200, rows.get(2).durationMs(), "the 404 product");
            assertBetween(60, 200, rows.get(3).durationMs(), "an unknown path");
            assertBetween(0, 50, rows.get(4).durationMs(), "robots.txt");
            assertBetween(60, 200, rows.get(5).durationMs(), "the redirect");

            shop.reconfigure(c -> c.withLatency(LatencyModel.none()));
            shop.reset();
            Http.get(client, slow.toString());
            assertBetween(0, 50, shop.log().requests().get(0).durationMs(), "after reconfiguring to no latency");
            assertEquals(config.seed(), shop.config().seed());
        }
    }

    @Test
    void overTheQuota429WithRetryAfterPerHostIndependently() {
        ShopConfig config = ShopConfig.fast().withQuota(ShopQuota.perWindow(3, Duration.ofSeconds(2)));
        try (ShopSimulator shop = ShopSimulator.start(config); HttpClient client = Http.client()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, Http.get(client, shop.baseUrl() + (i == 0 ? "/robots.txt" : "/about")).statusCode());
            }
            HttpResponse<String> refused = Http.get(client, shop.baseUrl() + "/about");
            assertEquals(429, refused.statusCode());
            assertEquals("2", refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(refused.body().startsWith("<!doctype html>"));
            assertEquals(429, Http.get(client, shop.baseUrl() + "/robots.txt").statusCode(), "robots.txt counts too");
            // the partner host has its own window
            for (int i = 0; i < 3; i++) {
                assertEquals(200, Http.get(client, shop.partnerBaseUrl() + "/brand/alder").statusCode());
            }
            assertEquals(429, Http.get(client, shop.partnerBaseUrl() + "/brand/alder").statusCode());
            assertEquals(3, shop.log().maxArrivalsInWindow(shop.partnerHost(), Duration.ofSeconds(2)) - 1);
            assertEquals(5, shop.log().maxArrivalsInWindow(shop.shopHost(), Duration.ofSeconds(2)));
            assertEquals(3, shop.log().countStatus(429));

            shop.reset();
            assertEquals(200, Http.get(client, shop.baseUrl() + "/about").statusCode(), "a reset empties the windows");
            shop.reconfigure(c -> c.withQuota(ShopQuota.perWindow(1, Duration.ofMillis(300))));
            assertEquals(200, Http.get(client, shop.baseUrl() + "/about").statusCode());
            HttpResponse<String> again = Http.get(client, shop.baseUrl() + "/about");
            assertEquals(429, again.statusCode());
            assertEquals("1", again.headers().firstValue("Retry-After").orElseThrow(), "whole seconds, rounded up");
        }
    }

    @Test
    void aRefusalTakesNoLatency() {
        ShopConfig config = ShopConfig.fast().withLatency(LatencyModel.fixed(Duration.ofMillis(100)))
                .withQuota(ShopQuota.perWindow(1, Duration.ofSeconds(5)));
        try (ShopSimulator shop = ShopSimulator.start(config); HttpClient client = Http.client()) {
            Http.get(client, shop.baseUrl() + "/about");
            assertEquals(429, Http.get(client, shop.baseUrl() + "/about").statusCode());
            assertBetween(0, 60, shop.log().requests().get(1).durationMs(), "a 429");
        }
    }

    @Test
    void concurrencyIsCountedPerHostAndTogether() throws Exception {
        ShopConfig config = ShopConfig.fast().withLatency(LatencyModel.fixed(Duration.ofMillis(300)));
        try (ShopSimulator shop = ShopSimulator.start(config); HttpClient client = Http.client();
             var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> Http.get(client, shop.baseUrl() + "/about")));
                calls.add(pool.submit(() -> Http.get(client, shop.partnerBaseUrl() + "/")));
            }
            for (var call : calls) {
                call.get();
            }
            assertEquals(8, shop.log().peakInFlight());
            assertEquals(4, shop.log().peakInFlight(shop.shopHost()));
            assertEquals(4, shop.log().peakInFlight(shop.partnerHost()));
        }
    }

    @Test
    void theSimulatorAddsLittleOverTheConfiguredLatency() {
        try (ShopSimulator shop = ShopSimulator.start(ShopConfig.fast()); HttpClient client = Http.client()) {
            List<URI> pages = List.copyOf(shop.map().okPages());
            for (int i = 0; i < 100; i++) {
                Http.get(client, pages.get(i % pages.size()).toString()); // warm up
            }
            shop.reset();
            double[] clientMs = new double[200];
            for (int i = 0; i < 200; i++) {
                long start = System.nanoTime();
                Http.get(client, pages.get(i % pages.size()).toString());
                clientMs[i] = (System.nanoTime() - start) / 1e6;
            }
            double[] serverMs = shop.log().requests().stream().mapToDouble(ShopRequest::durationMs).toArray();
            double clientP50 = Http.percentile(clientMs, 50);
            double serverP50 = Http.percentile(serverMs, 50);
            double serverP99 = Http.percentile(serverMs, 99);
            System.out.printf("overhead at 0 latency over 200 requests: server p50 %.3f ms, p99 %.3f ms; "
                    + "client round trip p50 %.3f ms%n", serverP50, serverP99, clientP50);
            assertTrue(serverP50 < 2, "the server's own time per request, p50: " + serverP50 + " ms");
            assertTrue(clientP50 < 10, "the round trip, p50: " + clientP50 + " ms");
        }
    }

    private static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " took " + actual + " ms; expected " + low + " to " + high);
    }
}
