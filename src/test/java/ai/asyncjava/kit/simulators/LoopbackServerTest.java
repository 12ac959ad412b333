package ai.asyncjava.kit.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {

    @Test
    void listensOnLoopbackOnlyAndRefusesATakenPort() {
        try (LoopbackServer server = LoopbackServer.start(0, exchange -> exchange.close())) {
            assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
            assertEquals("http://127.0.0.1:" + server.port(), server.baseUri().toString());
            assertThrows(UncheckedIOException.class, () -> LoopbackServer.start(server.port(), exchange -> exchange.close()));
        }
    }
}
