package gov.planmonitor.support.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents the Problem responses every operation can give, so the contract lists each error and its shape
 * without repeating them on every method.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasPathParam = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Map<String, String> errors = new LinkedHashMap<>();
                errors.put("400", "Invalid request: malformed body, unknown field, wrong type or bad query parameter");
                if (hasPathParam) {
                    errors.put("404", "No resource with this code");
                }
                switch (entry.getKey()) {
                    case POST -> {
                        errors.put("409", "A resource with this code already exists");
                        errors.put("415", "Unsupported Content-Type");
                        errors.put("422", "The content cannot be accepted (unknown reference, unparseable target, import row errors)");
                    }
                    case PUT -> {
                        errors.put("409", "Conflicts with existing data");
                        errors.put("412", "If-Match does not match the current ETag: someone else changed it");
                        errors.put("415", "Unsupported Content-Type");
                        errors.put("422", "The content cannot be accepted");
                        errors.put("428", "If-Match header missing");
                    }
                    default -> errors.put("406", "The requested media type is not available");
                }
                errors.put("500", "Unexpected failure (logged; no details are exposed)");
                for (Map.Entry<String, String> error : errors.entrySet()) {
                    if (entry.getValue().getResponses().getAPIResponse(error.getKey()) == null) {
                        entry.getValue().getResponses().addAPIResponse(error.getKey(), problem(error.getValue()));
                    }
                }
            }
        }
    }

    private static APIResponse problem(String description) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

}
