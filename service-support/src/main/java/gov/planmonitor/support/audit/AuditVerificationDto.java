package gov.planmonitor.support.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The outcome of walking the audit trail's hash chain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuditVerification", description = "The audit trail's hash chain checked from its first entry to its head: intact, or the first "
        + "entry that does not match and why. Keep headSequence and headHash somewhere the database's owner cannot write "
        + "(a report, a ticket): a later verification that does not reach that head with that hash shows the trail was rewritten.",
        requiredProperties = {"intact", "entriesChecked", "headSequence", "headHash", "verifiedAt"})
public record AuditVerificationDto(
        @Schema(description = "Every entry's hash matches its content and its predecessor, none is missing, and the head matches the last entry", examples = "true")
        boolean intact,
        @Schema(description = "Entries read before the walk ended (all of them when intact)", examples = "4096") long entriesChecked,
        @Schema(description = "The first entry that does not match; absent when intact, or when the newest entries are missing", examples = "1024")
        Long firstMismatchId,
        @Schema(description = "Its position in the chain (1 is the first entry ever recorded), or the first missing position", examples = "1024")
        Long firstMismatchSequence,
        @Schema(description = "Why it does not match; absent when intact", examples = "its content was changed after it was recorded")
        String problem,
        @Schema(description = "The chain's head as the database keeps it: the position of the newest entry", examples = "4096") long headSequence,
        @Schema(description = "The head's hash (SHA-256, hex)", examples = "9b1f0c2d4e6a8b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0") String headHash,
        @Schema(examples = "2018-02-08T09:30:00Z") OffsetDateTime verifiedAt) {
}
