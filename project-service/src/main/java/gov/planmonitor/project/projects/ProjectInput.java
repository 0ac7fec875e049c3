package gov.planmonitor.project.projects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import gov.planmonitor.project.lists.MembershipDto;

@Schema(name = "ProjectInput", description = "A project to create or replace. The status of a new project is its initial status (default IDENTIFICATION); later changes go through the status endpoint.")
public record ProjectInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_-]*", message = "must be upper-case letters, digits, - and _")
        @Schema(examples = "FYP13-KP-46") String id,
        @NotBlank @Size(max = 300) @Schema(examples = "东风西路小学（扩征）教学楼、运动场、停车场建设工程") String nameZh,
        @NotBlank @Size(max = 500) @Schema(examples = "Dongfeng West Road Primary School (Expansion Land Acquisition) Teaching Building, Sports Ground and Car Park Construction Project") String nameEn,
        @NotBlank @Size(max = 60) @Schema(examples = "PEOPLES_LIVELIHOOD") String category,
        @Size(max = 4000) String tasksZh,
        @Size(max = 6000) String tasksEn,
        @Pattern(regexp = "IDENTIFICATION|PREPARATION|IMPLEMENTATION|COMPLETION|COMPLETED|CANCELLED|SUSPENDED",
                message = "must be one of IDENTIFICATION, PREPARATION, IMPLEMENTATION, COMPLETION, COMPLETED, CANCELLED, SUSPENDED") String status,
        @Size(max = 60) @Schema(description = "Zone code; none for a project outside the zones", examples = "BEIJING_ROAD_CULTURAL_CORE") String zone,
        @Pattern(regexp = "GOVERNMENT|SOCIAL|PPP", message = "must be GOVERNMENT, SOCIAL or PPP") String investmentType,
        @Size(max = 20) List<@Valid @NotNull DepartmentRoleDto> departments,
        @Valid LocationDto location,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> indicators,
        @Size(max = 20) List<@Valid @NotNull MembershipDto> lists,
        @DecimalMin("0") @DecimalMax("1e15") @Digits(integer = 16, fraction = 2) @Schema(description = "Yuan") BigDecimal totalPlannedInvestment,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal progressPercent,
        @Size(max = 2000) String note) {
}
