package gov.planmonitor.indicator;

import gov.planmonitor.support.webhooks.TargetPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            "http://0.0.0.0/hook             | not a host",
            "http://224.0.0.1/hook           | not a host",
            "gopher://203.0.113.10/hook      | http and https",
            "file:///etc/passwd              | http and https",
            "https:///no-host                | no host",
            "https://a:b@203.0.113.10/hook   | user name",
            "https://203.0.113.10/hook#frag  | fragment",
            "https://203.0.113.10/hook       | ",
            "http://198.51.100.20:8443/hook  | "})
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
            "http://127.0.0.1/hook     | false"})
    void aClosedNetworkAllowsInternalRangesButNotLoopback(String url, boolean allowed) {
        assertEquals(allowed, closedNetwork.refusal(url).isEmpty(), url + ": " + closedNetwork.refusal(url));
    }
}
