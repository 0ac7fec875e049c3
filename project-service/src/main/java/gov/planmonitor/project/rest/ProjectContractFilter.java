package gov.planmonitor.project.rest;

import gov.planmonitor.support.openapi.ContractFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The suite's contract conventions ({@link ContractFilter}), and one thing they do not yet say: the event of a
 * deleted resource carries {@code data: null} (the audit trail keeps no state after a delete), so where a resource's
 * events include {@code .deleted}, its data is the representation or null. Zones and categories are this service's
 * first deletable resources; without this, the contract would refuse the feed's own deleted events.
 */
public class ProjectContractFilter implements OASFilter {

    private final ContractFilter conventions = new ContractFilter();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        conventions.filterOpenAPI(openAPI);
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> entry : openAPI.getComponents().getSchemas().entrySet()) {
            Map<String, Schema> properties = entry.getValue().getProperties();
            if (!entry.getKey().endsWith("Event") || properties == null || properties.get("type") == null || properties.get("data") == null) {
                continue;
            }
            List<Object> types = properties.get("type").getEnumeration();
            String data = properties.get("data").getRef();
            if (data != null && types != null && types.stream().anyMatch(t -> String.valueOf(t).endsWith(".deleted"))) {
                entry.getValue().addProperty("data", OASFactory.createSchema().description("null for a deleted resource")
                        .anyOf(List.of(OASFactory.createSchema().ref(data), OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
            }
        }
    }
}
