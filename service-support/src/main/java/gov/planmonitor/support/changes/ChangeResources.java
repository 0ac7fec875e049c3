package gov.planmonitor.support.changes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/**
 * The resources a service announces in its change feed and webhooks, from its application.properties: for each
 * resource type the audit trail records, the API path of one resource ({0}, {1}… are the parts of the recorded id,
 * split at '/'), the contract's schema of its representation, and the actions it can have. A resource type not listed
 * here is not announced.
 */
@ConfigMapping(prefix = "planmonitor.changes")
public interface ChangeResources {

    Map<String, Resource> resources();

    interface Resource {

        /** e.g. /api/v1/indicators/{code}/observations/{year} */
        String path();

        /** The contract's schema of the event's data, e.g. Observation. */
        String schema();

        @WithDefault("created,updated,deleted")
        List<String> actions();
    }
}
