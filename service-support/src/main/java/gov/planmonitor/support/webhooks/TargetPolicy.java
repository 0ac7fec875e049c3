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
 * port). Loopback and internal ranges are accepted only where configured. The worker checks again before each send,
 * since a name can come to resolve elsewhere.
 */
public final class TargetPolicy {

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public TargetPolicy(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not be a target, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can receive webhooks");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("the URL may not carry a user name or password; authenticate the sender by the signature");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("the URL may not have a fragment (#...)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("the host " + uri.getHost() + " resolves to " + address.getHostAddress() + ", " + refused.get());
            }
        }
        return Optional.empty();
    }

    /** Why the address may not be a target, or empty. */
    Optional<String> refusal(InetAddress address) {
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
            return (b[0] & 0xfe) == 0xfc || isMappedInternal(b);
        }
        return false;
    }

    /** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 one. */
    private static boolean isMappedInternal(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return false;
        }
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
            return v4.isLoopbackAddress() || internal(v4);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
