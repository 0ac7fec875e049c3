package gov.planmonitor.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What is wrong with one field (and, in an import, which entity and row). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError")
public record FieldError(
        @Schema(examples = "indicators") String entity,
        @Schema(description = "1-based data row of the imported file", examples = "3") Integer row,
        @Schema(examples = "targetText") String field,
        @Schema(examples = "cannot parse target text '七左右'") String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, null, field, message);
    }

    public FieldError at(String entity, int row) {
        return new FieldError(entity, row, field, message);
    }
}
