package gov.planmonitor.support.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "Delivery", description = "One event sent (or to be sent) to a subscription, and how it went")
public record DeliveryDto(
        @Schema(examples = "42") long id,
        @Schema(description = "The event's id (its CloudEvents id; webhook-id is the service and this id)", examples = "1024") String eventId,
        @Schema(examples = "gov.planmonitor.indicator.observation.updated") String eventType,
        @Schema(description = "PENDING: waiting or being retried; DELIVERED: the subscriber answered 2xx; FAILED: given up after the retry period",
                enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
        @Schema(description = "Attempts made so far", examples = "1") int attempts,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime lastAttemptAt,
        @Schema(nullable = true, description = "HTTP status of the last answer; null when there was none (refused, timed out)", examples = "200") Integer lastStatus,
        @Schema(nullable = true, description = "Why the last attempt failed", examples = "answered 503") String lastError,
        @Schema(nullable = true, description = "How long the last attempt took, in milliseconds", examples = "35") Integer lastDurationMs,
        @Schema(nullable = true, description = "When the next attempt is due (PENDING only)") OffsetDateTime nextAttemptAt,
        @Schema(nullable = true, description = "When it was delivered or given up") OffsetDateTime finishedAt,
        @Schema(nullable = true, description = "The delivery this one sends again, when made by a redelivery request", examples = "41") Long redeliveryOf) {
}
