package nl.ketenzicht.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client: the peer of the connection, or, when that peer is a reverse proxy named
 * in {@code ketenzicht.http.trusted-proxies}, the address that proxy put in {@code X-Forwarded-For}
 * (the right-most entry that is not itself a trusted proxy). Without that setting the header is
 * ignored, since any client can send it. Used by the login throttle and the access log.
 */
@ApplicationScoped
public class ClientAddress {

    static final String HEADER = "X-Forwarded-For";
    private static final Pattern LITERAL =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> trusted;

    @Inject
    public ClientAddress(@ConfigProperty(name = "ketenzicht.http.trusted-proxies") Optional<String> proxies) {
        this.trusted = java.util.Arrays.stream(proxies.orElse("").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Range::parse)
                .toList();
    }

    ClientAddress() {
        this(Optional.empty());
    }

    public String of(HttpServletRequest request) {
        return of(
                request.getRemoteAddr(),
                request.getHeaders(HEADER) == null
                        ? List.of()
                        : java.util.Collections.list(request.getHeaders(HEADER)));
    }

    /** @param forwarded the X-Forwarded-For header lines, in order */
    String of(String peer, List<String> forwarded) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwarded.forEach(line -> hops.addAll(List.of(line.split(","))));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i).strip());
            if (hop.isEmpty()) {
                return client; // a malformed entry: trust nothing to its left
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> a = literal(address);
        return a.isPresent() && trusted.stream().anyMatch(r -> r.contains(a.get()));
    }

    /** An IP literal, never a name: resolving a client-sent name would be a lookup on the client's behalf. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or a CIDR block ("10.0.0.0/8"). */
    record Range(byte[] network, int bits) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress a = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException(
                            "ketenzicht.http.trusted-proxies: not an IP address: " + text));
            int length = a.getAddress().length * 8;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : length;
            if (bits < 0 || bits > length) {
                throw new IllegalArgumentException("ketenzicht.http.trusted-proxies: bad prefix length: " + text);
            }
            return new Range(a.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - bits;
            return new BigInteger(1, network).shiftRight(shift).equals(new BigInteger(1, other).shiftRight(shift));
        }
    }
}
