package gov.planmonitor.support.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a subscription may target: http or https to a host that resolves only to public addresses, so that a
 * subscription cannot make the service call its own network (the database, the cluster's metadata endpoint, an admin
 * port). Loopback and internal ranges are accepted only where configured. An IPv6 address that stands for an IPv4 one
 * (IPv4-mapped and -compatible, NAT64, 6to4, Teredo) is judged by that IPv4 address, since the packets end up there.
 * <p>
 * The worker checks again before each send, since a name can come to resolve elsewhere, and connects to the very
 * address it checked ({@link #check}): the name is not resolved a second time for the connection, so it cannot
 * rebind to an internal address between the check and the send.
 */
public final class TargetPolicy {

    /** Resolves a host name (or an address literal) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A URL that may be targeted, with the address checked for it: the one to connect to. {@code host} is the URL's
     * host without IPv6 brackets (for TLS: SNI and the certificate's name), {@code port} the URL's or the scheme's.
     */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {

        /** The Host header: the host as written in the URL, and its port unless it is the scheme's default. */
        public String authority() {
            return port == (https ? 443 : 80) ? uri.getHost() : uri.getHost() + ":" + port;
        }

        /** The request target: the URL's path ("/" when it has none) and query, as written. */
        public String requestUri() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** The outcome of a check: a target to send to, or why not. */
    public record Check(Target target, String refusal) {

        public Optional<String> refused() {
            return Optional.ofNullable(refusal);
        }

        static Check refuse(String why) {
            return new Check(null, why);
        }
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetPolicy(boolean allowLoopback, boolean allowPrivate) {
        this(allowLoopback, allowPrivate, InetAddress::getAllByName);
    }

    public TargetPolicy(boolean allowLoopback, boolean allowPrivate, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the URL may not be a target, or empty when it may. */
    public Optional<String> refusal(String url) {
        return check(url).refused();
    }

    /**
     * Checks the URL and resolves its host once: refused when any of its addresses may not be targeted; otherwise the
     * target carries the first of them (the system's preferred order), which a send must connect to.
     */
    public Check check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Check.refuse("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Check.refuse("only http and https URLs can receive webhooks");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Check.refuse("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Check.refuse("the URL may not carry a user name or password; authenticate the sender by the signature");
        }
        if (uri.getRawFragment() != null) {
            return Check.refuse("the URL may not have a fragment (#...)");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Check.refuse("the host " + uri.getHost() + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Check.refuse("the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Check.refuse("the host " + uri.getHost() + " resolves to " + address.getHostAddress() + ", " + refused.get());
            }
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        return new Check(new Target(uri, host, port, https, addresses[0]), null);
    }

    /** Why the address may not be a target, or empty. */
    Optional<String> refusal(InetAddress address) {
        Inet4Address embedded = embeddedIpv4(address);
        if (embedded != null) {
            return refusal(embedded).map(why -> "which stands for " + embedded.getHostAddress() + ", " + why);
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address, which subscriptions may not target here");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("which is not a host's address");
        }
        if (internal(address)) {
            return allowPrivate ? Optional.empty() : Optional.of("an internal address (private, link-local or shared range), which subscriptions may not target here");
        }
        return Optional.empty();
    }

    /** Private (RFC 1918, fc00::/7), link-local (169.254/16 with cloud metadata, fe80::/10), shared (100.64/10) and reserved 0/8, 240/4. */
    private static boolean internal(InetAddress address) {
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0);
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        return false;
    }

    /**
     * The IPv4 address an IPv6 one stands for, or null: IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d (not
     * :: and ::1), NAT64 64:ff9b::/96 (RFC 6052) and the local-use 64:ff9b:1::/48 (RFC 8215, taken as a /96 inside it,
     * the usual layout: the last 32 bits), 6to4 2002:a.b.c.d::/48 (RFC 3056: bits 16 to 48) and Teredo 2001:0::/32
     * (RFC 4380: the client's address is the last 32 bits inverted).
     */
    static Inet4Address embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean mapped = zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1)); // not :: or ::1, IPv6's own
        if (mapped || compatible) {
            return ipv4(b[12], b[13], b[14], b[15]);
        }
        int first = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        int second = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        if (first == 0x0064 && second == 0xff9b && (zero(b, 4, 12) || ((b[4] & 0xff) == 0 && (b[5] & 0xff) == 1))) {
            return ipv4(b[12], b[13], b[14], b[15]);
        }
        if (first == 0x2002) {
            return ipv4(b[2], b[3], b[4], b[5]);
        }
        if (first == 0x2001 && second == 0x0000) {
            return ipv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]);
        }
        return null;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address ipv4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[]{a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
