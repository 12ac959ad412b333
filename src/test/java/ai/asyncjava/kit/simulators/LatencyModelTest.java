package ai.asyncjava.kit.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void parsesTheThreeShapes() {
        assertEquals(LatencyModel.fixed(Duration.ofMillis(500)), LatencyModel.parse("500ms"));
        assertEquals(LatencyModel.fixed(Duration.ofMillis(1500)), LatencyModel.parse("fixed:1.5s"));
        assertEquals(LatencyModel.uniform(Duration.ofMillis(200), Duration.ofMillis(800)),
                LatencyModel.parse("uniform:200ms..800ms"));
        assertEquals(LatencyModel.logNormal(Duration.ofMillis(900), 0.3), LatencyModel.parse("lognormal:900ms,0.3"));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.parse("soon"));
    }

    @Test
    void uniformStaysInRangeAndLogNormalCentresOnItsMedian() {
        LatencyModel uniform = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(20));
        for (int i = 0; i < 1000; i++) {
            Duration d = uniform.sample(random);
            assertTrue(d.toMillis() >= 10 && d.toNanos() <= 20_000_000, d.toString());
        }
        LatencyModel logNormal = LatencyModel.logNormal(Duration.ofMillis(100), 0.5);
        double[] samples = new double[2001];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Durations.toMillis(logNormal.sample(random));
        }
        Arrays.sort(samples);
        assertEquals(100, samples[1000], 10); // the median
        assertTrue(samples[2000] > 200, "a long right tail"); // the largest of 2001 draws is far out
    }

    @Test
    void scalingMultipliesEveryDelay() {
        assertEquals(LatencyModel.fixed(Duration.ofMillis(50)), LatencyModel.fixed(Duration.ofMillis(500)).scaled(0.1));
        assertEquals(LatencyModel.uniform(Duration.ofMillis(20), Duration.ofMillis(40)),
                LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(20)).scaled(2));
        assertEquals(Duration.ofMillis(9), LatencyModel.logNormal(Duration.ofMillis(900), 0.2).scaled(0.01).typical());
    }

    @Test
    void durationsReadAndWriteShortForms() {
        assertEquals(Duration.ofSeconds(6), Durations.parse("6s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals("2s", Durations.protoSeconds(Duration.ofSeconds(2)));
        assertEquals("0.251s", Durations.protoSeconds(Duration.ofNanos(250_000_001))); // rounded up, never early
    }
}
