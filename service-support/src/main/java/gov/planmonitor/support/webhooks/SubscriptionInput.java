package gov.planmonitor.support.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an admin sends to subscribe a system to the service's events. */
@Schema(name = "SubscriptionInput", description = "A webhook subscription: where to send which events, and the secret to sign them with")
public record SubscriptionInput(
        @NotBlank @Size(max = 2000)
        @Schema(description = "http or https URL that receives each event as a POST; hosts on loopback or internal addresses are refused"
                + " unless the service is configured to allow them", examples = "https://stats.example.gov.cn/hooks/planmonitor")
        String targetUrl,
        @Size(max = 50)
        @Schema(description = "Event types to send (the service's own: see ChangeEvent); none or empty: every type",
                examples = "[\"gov.planmonitor.indicator.observation.created\", \"gov.planmonitor.indicator.observation.updated\"]")
        List<String> types,
        @NotBlank @Size(min = 24, max = 256)
        @Schema(description = "Shared secret the deliveries are signed with (HMAC-SHA256), at least 24 characters; stored to sign,"
                + " never shown again", examples = "3b1f6c0e9a2d4e7f8a5b6c1d2e3f4a5b")
        String secret,
        @Size(max = 500) @Schema(description = "What the subscription is for", examples = "区统计平台: observation changes")
        String description,
        @Size(max = 200)
        @Schema(description = "A change-feed cursor (a next from GET /api/v1/changes): deliver every event after it. Absent: only events"
                + " committed from now on. A system that caught up through the feed goes on by webhook without a gap")
        String after) {
}
