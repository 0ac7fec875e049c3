package gov.planmonitor.project.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import gov.planmonitor.project.projects.MoneyDto;

@Schema(name = "Investment", description = "Planned and completed investment of a project in a year.")
public record InvestmentDto(
        @Schema(examples = "2017") int year,
        @Schema(nullable = true) MoneyDto planned,
        @Schema(nullable = true) MoneyDto completed,
        @Schema(description = "Completed as percent of planned", examples = "112.5", nullable = true) BigDecimal completionRatio,
        @Schema(nullable = true) String note,
        @Schema(description = "Things worth a look that are not errors (completed above planned)") List<String> warnings) {
}
