package gov.planmonitor.report.mapping;

import gov.planmonitor.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Report", description = "A report job and its state; the content is at /content once SUCCEEDED.")
public record ReportDto(
        @Schema(examples = "5b0c1f4e-7c1a-4a52-9a57-2c3d0f8e6a10") UUID id,
        @Schema(description = "One of ReportRequest's types. Not an enum on purpose: a report type added later must not break a client"
                + " generated from this version (generated Java clients refuse an enum value they do not know)",
                examples = "ANNUAL_EXECUTION") String type,
        @Schema(description = "The request's parameters, completed (the annual plan of the year, the plan's last year)", implementation = ReportParameters.class) ReportParameters parameters,
        @Schema(enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"}, examples = "SUCCEEDED") String status,
        @Schema(description = "Why generation failed; null unless FAILED", nullable = true) String failureReason,
        @Schema(examples = "1") int attempts,
        @Schema(description = "The indicator data is read as it stood at this time", examples = "2018-02-08T00:00:00Z") OffsetDateTime asOf,
        @Schema(description = "SHA-256 of the structured content; null until SUCCEEDED", examples = "9f2c6a0e5b8d4f1e3a7c2b6d0e9f8a1b4c3d2e5f6a7b8c9d0e1f2a3b4c5d6e7f", nullable = true) String contentHash,
        @Schema(examples = "2018-02-08T09:30:00Z") OffsetDateTime createdAt,
        @Schema(description = "Who requested it: the token's name and subject, e.g. 王芳 (u-1024). Readers without a token see "
                + "reporter instead, the role that requests reports (unless the service shows people to everyone)",
                examples = "区发改局") String createdBy,
        @Schema(description = "Null while QUEUED", examples = "2018-02-08T09:30:01Z", nullable = true) OffsetDateTime startedAt,
        @Schema(description = "Null until SUCCEEDED or FAILED", examples = "2018-02-08T09:30:03Z", nullable = true) OffsetDateTime finishedAt) {

    /** What a reader who may not see people gets: the role that requests reports, not who did. */
    public static final String REQUESTED_BY_ROLE = Roles.REPORTER;

    /** The report as a reader who may not see people gets it. */
    public ReportDto withoutPeople() {
        return new ReportDto(id, type, parameters, status, failureReason, attempts, asOf, contentHash, createdAt, REQUESTED_BY_ROLE,
                startedAt, finishedAt);
    }
}
