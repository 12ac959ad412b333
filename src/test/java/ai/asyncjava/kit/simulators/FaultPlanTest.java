package ai.asyncjava.kit.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void sharesComeOutInProportion() {
        FaultPlan plan = new FaultPlan(FaultSettings.parse("500=0.1,503=0.2,hang=0.05,drop=0.05", 3));
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        for (int i = 0; i < 10_000; i++) {
            counts.merge(plan.decide(StableHash.of("request " + i), 1), 1, Integer::sum);
        }
        assertEquals(1000, counts.get(Fault.INTERNAL_ERROR), 150);
        assertEquals(2000, counts.get(Fault.UNAVAILABLE), 200);
        assertEquals(500, counts.get(Fault.HANG), 120);
        assertEquals(500, counts.get(Fault.DROP), 120);
    }

    @Test
    void theDecisionDependsOnContentAndAttemptNotOnOrder() {
        FaultPlan plan = new FaultPlan(FaultSettings.none().withShare(Fault.UNAVAILABLE, 0.5).withSeed(11));
        long fingerprint = StableHash.of("same request");
        Fault first = plan.decide(fingerprint, 1);
        plan.decide(StableHash.of("something else"), 1);
        assertEquals(first, plan.decide(fingerprint, 1));
        boolean attemptsDiffer = false;
        for (int attempt = 2; attempt < 20; attempt++) {
            attemptsDiffer |= plan.decide(fingerprint, attempt) != first;
        }
        assertTrue(attemptsDiffer, "a retry gets its own draw");
    }

    @Test
    void queuedFaultsComeFirstInOrder() {
        FaultPlan plan = new FaultPlan(FaultSettings.none());
        plan.failNext(Fault.DROP, Fault.HANG);
        assertEquals(Fault.DROP, plan.decide(1, 1));
        assertEquals(Fault.HANG, plan.decide(1, 1));
        assertEquals(Fault.NONE, plan.decide(1, 1));
    }

    @Test
    void rejectsImpossibleShares() {
        assertThrows(IllegalArgumentException.class, () -> FaultSettings.parse("503=0.7,500=0.5", 1));
        assertThrows(IllegalArgumentException.class, () -> FaultSettings.parse("404=0.1", 1));
    }

    @Test
    void aSubjectGetsItsPlannedFaultsOnItsTriesThenIsServed() {
        FaultPlan plan = new FaultPlan(FaultSettings.none());
        plan.failSubject("stubborn", Fault.UNAVAILABLE, Fault.RESOURCE_EXHAUSTED);
        plan.failSubjectAlways("doomed", Fault.INVALID_ARGUMENT);
        assertEquals(Fault.UNAVAILABLE, plan.decide(1, "stubborn", 1));
        assertEquals(Fault.NONE, plan.decide(2, "other", 1));
        assertEquals(Fault.RESOURCE_EXHAUSTED, plan.decide(1, "stubborn", 1)); // counted per try, retry or not
        assertEquals(Fault.NONE, plan.decide(1, "stubborn", 2));
        for (int attempt = 1; attempt < 20; attempt++) {
            assertEquals(Fault.INVALID_ARGUMENT, plan.decide(3, "doomed", attempt));
        }
        plan.clearQueued();
        assertEquals(Fault.NONE, plan.decide(3, "doomed", 1));
    }

    @Test
    void plannedOnlyFaultsHaveNoShare() {
        assertThrows(IllegalArgumentException.class,
                () -> FaultSettings.none().withShare(Fault.INVALID_ARGUMENT, 0.1));
    }
}
