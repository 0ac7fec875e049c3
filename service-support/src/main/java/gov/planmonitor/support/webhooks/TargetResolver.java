package gov.planmonitor.support.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the webhook target check ({@link TargetPolicy}) resolves host names: the system's resolver. A bean so that a test
 * can stand in for DNS (a name that changes its answer, a name only the test knows).
 */
@ApplicationScoped
public class TargetResolver implements TargetPolicy.Resolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
