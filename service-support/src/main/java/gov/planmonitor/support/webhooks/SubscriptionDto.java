package gov.planmonitor.support.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Subscription", description = "A webhook subscription (its secret is never shown)")
public record SubscriptionDto(
        UUID id,
        @Schema(examples = "https://stats.example.gov.cn/hooks/planmonitor") String targetUrl,
        @Schema(description = "The event types sent; empty: every type") List<String> types,
        @Schema(nullable = true) String description,
        OffsetDateTime createdAt,
        @Schema(examples = "系统管理员 (u-0001)") String createdBy,
        @Schema(description = "Deliveries waiting to be sent (the first of them may be being retried)", examples = "0") long pendingDeliveries) {
}
