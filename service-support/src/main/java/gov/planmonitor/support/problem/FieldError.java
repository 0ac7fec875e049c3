package gov.planmonitor.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What is wrong with one field (and, in an import, which entity and row). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", description = "One error: the field (or column) at fault, and for imports the entity and row.", requiredProperties = "message")
public record FieldError(
        @Schema(description = "Imported entity (imports only)", examples = "indicators") String entity,
        @Schema(description = "1-based data row of the imported file (imports only)", examples = "3") Integer row,
        @Schema(description = "Field, column or part of the file at fault; absent when the whole row is (an unknown reference, a short row)", examples = "targetText") String field,
        @Schema(examples = "cannot parse target text '七左右'") String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, null, field, message);
    }

    public FieldError at(String entity, int row) {
        return new FieldError(entity, row, field, message);
    }
}
