package gov.planmonitor.project.projects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import gov.planmonitor.project.lists.MembershipDto;

@Schema(name = "Project", description = "A key project with its lifecycle status, money and progress.")
public record ProjectDto(
        @Schema(description = "Stable identifier", examples = "FYP13-KP-46") String id,
        @Schema(description = "Sequence in the list asked for (list=…), else in its first list", examples = "46", nullable = true) Integer seq,
        @Schema(examples = "东风西路小学（扩征）教学楼、运动场、停车场建设工程") String nameZh,
        @Schema(examples = "Dongfeng West Road Primary School (Expansion Land Acquisition) Teaching Building, Sports Ground and Car Park Construction Project") String nameEn,
        CodeNameDto category,
        @Schema(description = "主要建设任务 exactly as printed", examples = "进行教学楼、运动场、停车场建设。", nullable = true) String tasksZh,
        @Schema(examples = "Build the teaching building, sports ground and car park.", nullable = true) String tasksEn,
        @Schema(enumeration = {"IDENTIFICATION", "PREPARATION", "IMPLEMENTATION", "COMPLETION", "COMPLETED", "CANCELLED", "SUSPENDED"},
                examples = "IMPLEMENTATION") String status,
        @Schema(description = "Functional zone of 一核三带四区; null when none", nullable = true) CodeNameDto zone,
        @Schema(enumeration = {"GOVERNMENT", "SOCIAL", "PPP"}, examples = "GOVERNMENT", nullable = true) String investmentType,
        List<DepartmentRoleDto> departments,
        @Schema(nullable = true) LocationDto location,
        @Schema(description = "Codes of the plan indicators the project serves", examples = "[\"FYP13-21\"]") List<String> indicators,
        List<MembershipDto> lists,
        @Schema(description = "Total planned investment of the project", nullable = true) MoneyDto totalPlannedInvestment,
        @Schema(description = "Sum of yearly planned investment; null without yearly figures", nullable = true) MoneyDto plannedToDate,
        @Schema(description = "Sum of yearly completed investment; null without yearly figures", nullable = true) MoneyDto completedToDate,
        @Schema(description = "Physical progress in percent", examples = "45", nullable = true) BigDecimal progressPercent,
        @Schema(description = "Milestones still planned after their planned date", examples = "0") int overdueMilestones,
        @Schema(nullable = true) String note) {
}
