package gov.planmonitor.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json)", requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(description = "URI identifying the kind of problem", examples = "https://planmonitor.example.gov/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "seq: must be greater than or equal to 1") String detail,
        @Schema(description = "The request path", examples = "/api/v1/plans/FYP13/indicators") String instance,
        @Schema(description = "Field (and, for imports, row) errors; absent when there are none") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String BASE = "https://planmonitor.example.gov/problems/";
}
