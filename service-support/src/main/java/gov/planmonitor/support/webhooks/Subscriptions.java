package gov.planmonitor.support.webhooks;

import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.changes.ChangeFeed;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Webhook subscriptions and their delivery logs, for admins; the worker ({@link WebhookWorker}) sends. */
@ApplicationScoped
public class Subscriptions {

    private static final String MANAGING = "managing webhook subscriptions";
    private static final Map<String, String> SORT_FIELDS = Map.of("createdAt", "createdAt");

    private final ChangeFeed feed;
    private final Caller caller;
    private final AuditTrail audit;
    private final TargetPolicy targets;

    public Subscriptions(ChangeFeed feed, Caller caller, AuditTrail audit, WebhookConfig config, TargetResolver resolver) {
        this.feed = feed;
        this.caller = caller;
        this.audit = audit;
        this.targets = new TargetPolicy(config.allowLoopback(), config.allowPrivate(), resolver);
    }

    @Transactional
    public SubscriptionDto create(@NotNull @Valid SubscriptionInput input) {
        caller.require(MANAGING, Roles.ADMIN);
        String url = input.targetUrl().trim();
        targets.refusal(url).ifPresent(reason -> {
            throw new ServiceException.Invalid("targetUrl", reason);
        });
        List<String> types = input.types() == null ? List.of() : input.types().stream().map(String::trim).distinct().toList();
        for (String type : types) {
            if (!feed.eventTypes().contains(type)) {
                throw new ServiceException.Invalid("types", "'" + type + "' is not an event type of this service; its types are "
                        + String.join(", ", feed.eventTypes()));
            }
        }
        ChangeFeed.Cursor from;
        if (input.after() == null || input.after().isBlank()) {
            from = feed.end();
        } else {
            try {
                from = ChangeFeed.Cursor.decode("after", input.after());
            } catch (ServiceException.BadQuery e) {
                throw new ServiceException.Invalid("after", e.getMessage());
            }
        }
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.targetUrl = url;
        subscription.eventTypes = String.join(",", types);
        subscription.secret = input.secret();
        subscription.description = input.description() == null || input.description().isBlank() ? null : input.description().trim();
        subscription.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        subscription.createdBy = caller.name();
        subscription.persist();
        subscription.flush();
        Subscription.getEntityManager().createNativeQuery("UPDATE webhook_subscription SET cursor_tx = CAST(:tx AS xid8), cursor_id = :id WHERE id = :subscription")
                .setParameter("tx", Long.toString(from.tx())).setParameter("id", from.id()).setParameter("subscription", subscription.id)
                .executeUpdate();
        SubscriptionDto created = toDto(subscription, 0);
        audit.record("subscription", subscription.id.toString(), null, created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageDto<SubscriptionDto> list(Integer page, Integer size, String sort) {
        caller.require(MANAGING, Roles.ADMIN);
        PageRequest request = PageRequest.of(page, size, sort, 20, 200, SORT_FIELDS, "createdAt");
        var query = Subscription.<Subscription>findAll(request.sort());
        List<Subscription> found = query.page(Page.of(request.page(), request.size())).list();
        Map<UUID, Long> pending = pending(found.stream().map(s -> s.id).toList());
        return new PageDto<>(found.stream().map(s -> toDto(s, pending.getOrDefault(s.id, 0L))).toList(), query.count(), request.page(), request.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionDto get(UUID id) {
        caller.require(MANAGING, Roles.ADMIN);
        Subscription subscription = find(id);
        return toDto(subscription, pending(List.of(id)).getOrDefault(id, 0L));
    }

    /** Removes the subscription and its delivery log; nothing more is sent to it (a send under way may still arrive). */
    @Transactional
    public void delete(UUID id) {
        caller.require(MANAGING, Roles.ADMIN);
        Subscription subscription = find(id);
        SubscriptionDto before = toDto(subscription, pending(List.of(id)).getOrDefault(id, 0L));
        subscription.delete();
        audit.record("subscription", id.toString(), before, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageDto<DeliveryDto> deliveries(UUID id, Integer page, Integer size, String sort, String status) {
        caller.require(MANAGING, Roles.ADMIN);
        find(id);
        PageRequest request = PageRequest.of(page, size, sort, 20, 200, Map.of("id", "id"), "-id");
        Map<String, Object> params = new HashMap<>();
        params.put("subscription", id);
        String where = "subscriptionId = :subscription";
        if (status != null && !status.isBlank()) {
            params.put("status", status(status));
            where += " and status = :status";
        }
        var query = Delivery.<Delivery>find(where, request.sort(), params);
        List<DeliveryDto> items = query.page(Page.of(request.page(), request.size())).list().stream().map(Subscriptions::toDto).toList();
        return new PageDto<>(items, query.count(), request.page(), request.size());
    }

    /**
     * Queues the delivery's event again, at the end of the subscription's queue (so the order of the others holds), with
     * the same body and webhook-id: a receiver that keeps the ids it has seen takes it once.
     */
    @Transactional
    public DeliveryDto redeliver(UUID id, long deliveryId) {
        caller.require(MANAGING, Roles.ADMIN);
        find(id);
        Delivery original = Delivery.<Delivery>find("id = :id and subscriptionId = :subscription",
                        Parameters.with("id", deliveryId).and("subscription", id)).firstResultOptional()
                .orElseThrow(() -> new ServiceException.NotFound("subscription " + id + " has no delivery " + deliveryId));
        Delivery again = new Delivery();
        again.subscriptionId = id;
        again.eventId = original.eventId;
        again.eventType = original.eventType;
        again.payload = original.payload;
        again.status = Delivery.Status.PENDING;
        again.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        again.nextAttemptAt = again.createdAt;
        again.redeliveryOf = original.id;
        again.persist();
        DeliveryDto queued = toDto(again);
        audit.record("webhook-delivery", id + "/" + again.id, null, queued);
        return queued;
    }

    private static Subscription find(UUID id) {
        return Subscription.<Subscription>findByIdOptional(id)
                .orElseThrow(() -> new ServiceException.NotFound("no webhook subscription " + id));
    }

    private static Delivery.Status status(String status) {
        try {
            return Delivery.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ServiceException.BadQuery("status", "status must be one of " + Arrays.toString(Delivery.Status.values()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, Long> pending(List<UUID> subscriptions) {
        Map<UUID, Long> counts = new HashMap<>();
        if (subscriptions.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = Delivery.getEntityManager().createQuery(
                        "select d.subscriptionId, count(d) from Delivery d where d.status = :pending and d.subscriptionId in :ids group by d.subscriptionId")
                .setParameter("pending", Delivery.Status.PENDING).setParameter("ids", subscriptions).getResultList();
        rows.forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private static SubscriptionDto toDto(Subscription s, long pending) {
        return new SubscriptionDto(s.id, s.targetUrl, s.eventTypes.isEmpty() ? List.of() : List.of(s.eventTypes.split(",")), s.description,
                s.createdAt, s.createdBy, pending);
    }

    static DeliveryDto toDto(Delivery d) {
        return new DeliveryDto(d.id, d.eventId, d.eventType, d.status.name(), d.attempts, d.createdAt, d.lastAttemptAt, d.lastStatus,
                d.lastError, d.lastDurationMs, d.status == Delivery.Status.PENDING ? d.nextAttemptAt : null, d.finishedAt, d.redeliveryOf);
    }
}
