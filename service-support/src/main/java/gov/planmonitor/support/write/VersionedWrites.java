package gov.planmonitor.support.write;

import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.persistence.Audited;
import gov.planmonitor.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one versioned-write step of both services: check the If-Match precondition against the loaded version, capture
 * the resource's API representation before, apply the change, flush (so the new version, and any constraint the
 * database refuses, is known before the audit entry), and record before/after in the audit trail, all in the write's
 * transaction. The services keep their rules (who may, what is valid) in the change they hand it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VersionedWrites {

    /** What the step needs to know of a kind of resource: its audit name, its id and its API representation. */
    public record Kind<E extends Audited, D>(String type, Function<E, String> id, Function<E, D> view) {
    }

    /** A PUT by key: what it wrote with its version, and whether it created (201) or replaced (200). */
    public record Put<D>(Versioned<D> value, boolean created) {
    }

    private final EntityManager entities;
    private final AuditTrail audit;
    private final Caller caller;

    public VersionedWrites(EntityManager entities, AuditTrail audit, Caller caller) {
        this.entities = entities;
        this.audit = audit;
        this.caller = caller;
    }

    /** Who the write records as its author (updatedBy): the request's caller. */
    public String author() {
        return caller.name();
    }

    /** An update that requires If-Match: 428 without it, 412 on another version; else {@link #change}. */
    public <E extends Audited, D> Versioned<D> update(Kind<E, D> kind, E entity, IfMatch precondition, Consumer<E> change) {
        precondition.require(entity.version);
        return change(kind, entity, change);
    }

    /** A change without a precondition (an import, a target revision): before, change, flush, audit. */
    public <E extends Audited, D> Versioned<D> change(Kind<E, D> kind, E entity, Consumer<E> change) {
        D before = kind.view().apply(entity);
        change.accept(entity);
        return recorded(kind, entity, before);
    }

    /**
     * As {@link #change}, for a change that may find nothing to do (an import of what is already there): {@code change}
     * answers whether it changed anything; when not, nothing is flushed or audited. Returns that answer.
     */
    public <E extends Audited, D> boolean changeIf(Kind<E, D> kind, E entity, Predicate<E> change) {
        D before = kind.view().apply(entity);
        if (!change.test(entity)) {
            return false;
        }
        recorded(kind, entity, before);
        return true;
    }

    /**
     * A create or a change by key without a precondition (an import row; a PUT whose If-Match the service checked):
     * {@code change} sets the state on the existing entity or on a {@code fresh} one, then as {@link #change} or
     * {@link #create}.
     */
    public <E extends Audited, D> Versioned<D> save(Kind<E, D> kind, E existing, Supplier<E> fresh, Consumer<E> change) {
        if (existing != null) {
            return change(kind, existing, change);
        }
        E entity = fresh.get();
        change.accept(entity);
        return create(kind, entity);
    }

    /** A create of an entity the service has built and stamped: persist, flush, audit (no before). */
    public <E extends Audited, D> Versioned<D> create(Kind<E, D> kind, E entity) {
        entities.persist(entity);
        return recorded(kind, entity, null);
    }

    /**
     * A PUT that creates or replaces by key ({@link IfMatch#checkCreateOrReplace}). {@code change} sets the wanted state
     * on the existing entity or on a {@code fresh} one; a replace that leaves the representation as it was writes nothing
     * (no new version, no audit entry). The step stamps who and when, as only it knows whether anything changed.
     */
    public <E extends Audited, D> Put<D> put(Kind<E, D> kind, String id, E existing, IfMatch precondition, Supplier<E> fresh,
                                             Consumer<E> change) {
        precondition.checkCreateOrReplace(existing == null ? null : existing.version, kind.type() + " " + id);
        D before = existing == null ? null : kind.view().apply(existing);
        E entity = existing != null ? existing : fresh.get();
        change.accept(entity);
        if (before != null && before.equals(kind.view().apply(entity))) {
            return new Put<>(new Versioned<>(before, entity.version), false);
        }
        entity.touch(author(), OffsetDateTime.now(ZoneOffset.UTC));
        if (existing == null) {
            entities.persist(entity);
        }
        return new Put<>(recorded(kind, entity, before), existing == null);
    }

    /**
     * A delete whose If-Match is optional (checked when sent); {@code refuse} throws when the resource may not go (still
     * used). The flush makes a reference added meanwhile fail here (foreign key: 409), not at commit after the entry.
     */
    public <E extends Audited, D> void delete(Kind<E, D> kind, E entity, IfMatch precondition, Runnable refuse) {
        precondition.checkIfSent(entity.version);
        refuse.run();
        D before = kind.view().apply(entity);
        entities.remove(entity);
        entities.flush();
        audit.record(kind.type(), kind.id().apply(entity), before, null);
    }

    private <E extends Audited, D> Versioned<D> recorded(Kind<E, D> kind, E entity, D before) {
        entities.flush();
        D after = kind.view().apply(entity);
        audit.record(kind.type(), kind.id().apply(entity), before, after);
        return new Versioned<>(after, entity.version);
    }
}
