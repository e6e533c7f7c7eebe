package nl.ketenzicht.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client's address: X-Forwarded-For counts only when the connection comes from a trusted proxy. */
class ClientAddressTest {

    private final ClientAddress none = new ClientAddress(Optional.empty());
    private final ClientAddress proxied = new ClientAddress(Optional.of("10.0.0.5, 192.168.0.0/16"));

    @Test
    void aForgedHeaderIsIgnoredWithoutATrustedProxy() {
        assertEquals("203.0.113.9", none.of("203.0.113.9", List.of("198.51.100.1")));
        assertEquals("203.0.113.9", proxied.of("203.0.113.9", List.of("198.51.100.1")), "the peer is no trusted proxy");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedEntryIsTheClient() {
        assertEquals("198.51.100.1", proxied.of("10.0.0.5", List.of("198.51.100.1")));
        assertEquals(
                "198.51.100.1",
                proxied.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.1, 192.168.3.4")),
                "a value the client wrote in front of its own is not believed");
        assertEquals(
                "198.51.100.1", proxied.of("10.0.0.5", List.of("6.6.6.6", "198.51.100.1")), "several header lines");
        assertEquals("10.0.0.5", proxied.of("10.0.0.5", List.of()), "no header: the proxy itself");
        assertEquals(
                "192.168.3.4",
                proxied.of("10.0.0.5", List.of("evil.example, 192.168.3.4")),
                "a name is never resolved; nothing left of it is believed");
        assertEquals("2001:db8:0:0:0:0:0:1", proxied.of("10.0.0.5", List.of("2001:db8::1")));
    }

    @Test
    void aMisconfiguredProxyListFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(Optional.of("proxy.example")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(Optional.of("10.0.0.0/33")));
    }
}
