package gov.planmonitor.indicator.departments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepartmentRole", description = "A responsible department and its role (LEAD 牵头 or SUPPORT 配合).")
public record DepartmentRoleDto(
        @NotBlank @Size(max = 40) @Schema(examples = "DRC") String code,
        @Schema(readOnly = true, examples = "区发改局") String nameZh,
        @Schema(readOnly = true, examples = "District Development and Reform Bureau") String nameEn,
        @NotBlank @Pattern(regexp = "LEAD|SUPPORT", message = "must be LEAD or SUPPORT")
        @Schema(enumeration = {"LEAD", "SUPPORT"}, examples = "LEAD") String role) {
}
