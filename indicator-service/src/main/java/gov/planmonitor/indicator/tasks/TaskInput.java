package gov.planmonitor.indicator.tasks;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "TaskInput", description = "A plan task to create (POST) or replace (PUT): its place in the plan, its text, who leads and "
        + "supports it, its deadline and the indicators that quantify it. The status moves only through progress updates.")
public record TaskInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_-]*", message = "must be upper-case letters, digits, - and _")
        @Schema(examples = "AP2018-T1-2-3") String code,
        @NotBlank @Size(max = 40) @Schema(description = "The plan's code", examples = "AP2018") String plan,
        @Size(max = 40) @Schema(description = "The enclosing area or sub-area; absent for an area (at most three levels)", examples = "AP2018-T1-2", nullable = true) String parent,
        @NotNull @Min(1) @Schema(description = "Position among its siblings, as printed", examples = "3") Integer seq,
        @NotBlank @Size(max = 2000) @Schema(examples = "关停或搬迁“三不”专业市场3个以上。") String textZh,
        @Size(max = 4000) @Schema(examples = "Close or relocate at least 3 \"three-no\" wholesale markets.", nullable = true) String textEn,
        @Size(max = 10) @Schema(description = "Codes of the lead units (牵头单位), the principal first; empty while unassigned") List<@NotBlank @Size(max = 40) String> lead,
        @Size(max = 20) @Schema(description = "Codes of the supporting units (配合单位)") List<@NotBlank @Size(max = 40) String> supporting,
        @Schema(description = "完成时限; absent: the last day of the plan", examples = "2018-12-31", nullable = true) LocalDate deadline,
        @Size(max = 50) @Schema(description = "Codes of the plan's indicators that quantify the task (its commitments); an indicator quantifies one task at most. "
                + "A commitment's responsible departments follow the task's: the principal lead unit as LEAD, the others as SUPPORT.")
        List<@NotBlank @Size(max = 40) String> commitments,
        @Size(max = 500) @Schema(description = "The document and line the task is taken from", examples = "000_b16fd38e4619594e.txt line 120", nullable = true) String source) {

    public List<String> leadCodes() {
        return lead == null ? List.of() : lead;
    }

    public List<String> supportingCodes() {
        return supporting == null ? List.of() : supporting;
    }

    public List<String> commitmentCodes() {
        return commitments == null ? List.of() : commitments;
    }
}
