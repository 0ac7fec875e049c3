package gov.planmonitor.indicator;

import gov.planmonitor.support.webhooks.TargetPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which webhook targets are refused where loopback and internal ranges are not allowed (production's defaults; the
 * test profile allows loopback, so WebhookTest checks the HTTP answer for internal ones). Pure logic: no service.
 */
class WebhookTargetsTest {

    private final TargetPolicy production = new TargetPolicy(false, false);
    private final TargetPolicy closedNetwork = new TargetPolicy(false, true);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/hook      | loopback",
            "http://localhost/hook           | loopback",
            "http://[::1]/hook               | loopback",
            "http://10.0.0.7/hook            | internal",
            "http://172.20.1.1/hook          | internal",
            "http://192.168.1.10/hook        | internal",
            "http://169.254.169.254/latest   | internal",
            "http://100.64.0.1/hook          | internal",
            "http://[fd12:3456::1]/hook      | internal",
            "http://[::ffff:10.0.0.1]/hook   | internal",
            "http://[::10.0.0.1]/hook        | internal",
            "http://[::127.0.0.1]/hook       | loopback",
            "http://[64:ff9b::7f00:1]/hook   | loopback",
            "http://[64:ff9b::a00:1]/hook    | internal",
            "http://[64:ff9b::a9fe:a9fe]/x   | internal",
            "http://[64:ff9b::c0a8:101]/hook | internal",
            "http://[64:ff9b:1::a00:1]/hook  | internal",
            "http://[64:ff9b::e000:1]/hook   | not a host",
            "http://[2002:7f00:1::]/hook     | loopback",
            "http://[2002:a00:1::1]/hook     | internal",
            "http://[2002:c0a8:101::1]/hook  | internal",
            "http://[2002:a9fe:a9fe::]/hook  | internal",
            "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hook | internal",
            "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook | loopback",
            "http://0.0.0.0/hook             | not a host",
            "http://224.0.0.1/hook           | not a host",
            "gopher://203.0.113.10/hook      | http and https",
            "file:///etc/passwd              | http and https",
            "https:///no-host                | no host",
            "https://a:b@203.0.113.10/hook   | user name",
            "https://203.0.113.10/hook#frag  | fragment",
            "https://203.0.113.10/hook       | ",
            "http://198.51.100.20:8443/hook  | ",
            "http://[64:ff9b::808:808]/hook  | ",
            "http://[64:ff9b:1::808:808]/hook | ",
            "http://[2002:808:808::]/hook    | ",
            "http://[2002:808:808:1::5]/hook | ",
            "http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/hook | ",
            "http://[2001:db8::1]/hook       | "})
    void productionRefusesLoopbackAndInternalTargets(String url, String why) {
        String refusal = production.refusal(url).orElse(null);
        if (why == null) {
            assertEquals(null, refusal, url);
        } else {
            assertEquals(true, refusal != null && refusal.contains(why), url + ": " + refusal);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://10.0.0.7/hook      | true",
            "http://169.254.169.254/x  | true",
            "http://[64:ff9b::a00:7]/x | true",
            "http://[2002:a00:7::1]/x  | true",
            "http://127.0.0.1/hook     | false",
            "http://[64:ff9b::7f00:1]/ | false",
            "http://[2002:7f00:1::]/x  | false"})
    void aClosedNetworkAllowsInternalRangesButNotLoopback(String url, boolean allowed) {
        assertEquals(allowed, closedNetwork.refusal(url).isEmpty(), url + ": " + closedNetwork.refusal(url));
    }

    /** A name that resolves to several addresses is refused when any one of them is internal, whichever comes first. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.10 10.0.0.1       | internal",
            "10.0.0.1 203.0.113.10       | internal",
            "203.0.113.10 64:ff9b::a00:1 | internal",
            "2001:db8::1 127.0.0.1       | loopback",
            "203.0.113.10 2001:db8::10   | "})
    void aNameIsRefusedWhenAnyOfItsAddressesIs(String addresses, String why) {
        TargetPolicy policy = new TargetPolicy(false, false, host -> {
            if (!host.equals("hooks.example.test")) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> all = new ArrayList<>();
            for (String address : addresses.split(" ")) {
                all.add(InetAddress.getByName(address));
            }
            return all.toArray(InetAddress[]::new);
        });
        TargetPolicy.Check check = policy.check("https://hooks.example.test/hook");
        if (why == null) {
            assertEquals(null, check.refusal(), addresses);
        } else {
            assertTrue(check.refusal() != null && check.refusal().contains(why), addresses + ": " + check.refusal());
            assertEquals(null, check.target());
        }
    }

    /**
     * The check resolves the name once and hands the sender the address it checked (the first), with the URL's host
     * for the Host header and TLS: the worker connects there, never to a second lookup's answer.
     */
    @Test
    void aCheckedTargetCarriesTheAddressItCheckedAndTheUrlsHost() throws Exception {
        List<String> lookups = new ArrayList<>();
        InetAddress first = InetAddress.getByName("203.0.113.10");
        TargetPolicy policy = new TargetPolicy(false, false, host -> {
            lookups.add(host);
            return new InetAddress[]{first, InetAddress.getByName("198.51.100.20")};
        });
        TargetPolicy.Check check = policy.check("https://Hooks.Example.test:8443/in/box?tenant=7");
        assertEquals(null, check.refusal());
        assertEquals(List.of("Hooks.Example.test"), lookups);
        assertEquals(first, check.target().address());
        assertEquals("Hooks.Example.test", check.target().host());
        assertEquals(8443, check.target().port());
        assertTrue(check.target().https());
        assertEquals("Hooks.Example.test:8443", check.target().authority());
        assertEquals("/in/box?tenant=7", check.target().requestUri());

        TargetPolicy.Target literal = policy.check("http://[2001:db8::1]").target();
        assertEquals("2001:db8::1", lookups.get(1));
        assertEquals("2001:db8::1", literal.host());
        assertEquals("[2001:db8::1]", literal.authority());
        assertEquals(80, literal.port());
        assertEquals("/", literal.requestUri());
    }
}
