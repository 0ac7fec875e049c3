package gov.planmonitor.support.webhooks;

import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Webhook subscriptions: the service POSTs each of its events, signed, to the systems subscribed (admins only). */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Subscriptions that receive the service's events as signed POSTs, with retries, and their delivery logs (admins only)")
public class SubscriptionsResource {

    private final Subscriptions subscriptions;

    public SubscriptionsResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSubscription", summary = "Subscribe a URL to the service's events (signed with the secret, retried for 24 hours)")
    @APIResponse(responseCode = "201", description = "Subscribed; events committed from now on (or after the given cursor) are sent in commit order",
            content = @Content(schema = @Schema(implementation = SubscriptionDto.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response create(SubscriptionInput input) {
        SubscriptionDto created = subscriptions.create(input);
        return Response.created(UriBuilder.fromResource(SubscriptionsResource.class).path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listSubscriptions", summary = "List the webhook subscriptions")
    @APIResponse(responseCode = "200", description = "A page of subscriptions, oldest first")
    public PageDto<SubscriptionDto> list(@QueryParam("page") @Parameter(description = "0-based page") Integer page,
                                         @QueryParam("size") @Parameter(description = "Page size (capped at 200)") Integer size,
                                         @QueryParam("sort") @Parameter(description = "createdAt (default) or -createdAt") String sort) {
        return subscriptions.list(page, size, sort);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getSubscription", summary = "Get a webhook subscription")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = SubscriptionDto.class)))
    public SubscriptionDto get(@PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteSubscription", summary = "Unsubscribe: nothing more is sent, and the delivery log goes")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listDeliveries", summary = "The delivery log: each event sent or to be sent, its attempts and the last answer")
    @APIResponse(responseCode = "200", description = "A page of deliveries, newest first")
    public PageDto<DeliveryDto> deliveries(@PathParam("id") UUID id,
                                           @QueryParam("page") @Parameter(description = "0-based page") Integer page,
                                           @QueryParam("size") @Parameter(description = "Page size (capped at 200)") Integer size,
                                           @QueryParam("sort") @Parameter(description = "-id (default: newest first) or id") String sort,
                                           @QueryParam("status") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "DELIVERED", "FAILED"})) String status) {
        return subscriptions.deliveries(id, page, size, sort, status);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "redeliver", summary = "Send a delivery's event again (same body and webhook-id), after the subscription's queued ones")
    @APIResponse(responseCode = "202", description = "Queued as a new delivery", content = @Content(schema = @Schema(implementation = DeliveryDto.class)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(subscriptions.redeliver(id, deliveryId)).build();
    }
}
