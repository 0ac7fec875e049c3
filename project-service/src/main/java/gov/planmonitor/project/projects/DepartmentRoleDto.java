package gov.planmonitor.project.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepartmentRole", description = "A responsible department (code of the indicator service's registry) and its role.")
public record DepartmentRoleDto(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be a department code like DRC")
        @Schema(examples = "DRC") String code,
        @NotBlank @Pattern(regexp = "LEAD|SUPPORT", message = "must be LEAD or SUPPORT")
        @Schema(enumeration = {"LEAD", "SUPPORT"}, examples = "LEAD") String role) {
}
