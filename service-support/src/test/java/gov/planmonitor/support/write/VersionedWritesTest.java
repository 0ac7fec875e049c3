package gov.planmonitor.support.write;

import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.persistence.Audited;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write step's order and its refusals, without a database: a stand-in entity manager and audit trail write down
 * what the step asks of them (the services' ETag tests cover it against PostgreSQL).
 */
class VersionedWritesTest {

    static class Thing extends Audited {
        String code;
        String name;
    }

    record ThingDto(String code, String name) {
    }

    private final List<String> log = new ArrayList<>();
    private final VersionedWrites writes = new VersionedWrites(entityManager(), audit(), caller());
    private final VersionedWrites.Kind<Thing, ThingDto> kind = new VersionedWrites.Kind<>("thing", t -> t.code, t -> new ThingDto(t.code, t.name));

    @Test
    void anUpdateChecksAppliesFlushesThenAudits() {
        Thing thing = thing("A", "old", 3);
        Versioned<ThingDto> written = writes.update(kind, thing, IfMatch.of("\"3\""), t -> {
            log.add("change");
            t.name = "new";
        });
        assertEquals(List.of("change", "flush", "audit thing A ThingDto[code=A, name=old] -> ThingDto[code=A, name=new]"), log);
        assertEquals(new ThingDto("A", "new"), written.body());
        assertEquals(thing.version, written.version());
    }

    @Test
    void anUpdateOnAnotherVersionOrWithoutIfMatchChangesNothing() {
        Thing thing = thing("A", "old", 3);
        assertThrows(ServiceException.PreconditionFailed.class, () -> writes.update(kind, thing, IfMatch.of("\"2\""), t -> t.name = "new"));
        assertThrows(ServiceException.PreconditionFailed.class, () -> writes.update(kind, thing, IfMatch.of("W/\"3\""), t -> t.name = "new"));
        assertThrows(ServiceException.PreconditionRequired.class, () -> writes.update(kind, thing, IfMatch.NONE, t -> t.name = "new"));
        assertEquals("old", thing.name);
        assertTrue(log.isEmpty());
    }

    @Test
    void aRefusedChangeLeavesNoAuditEntry() {
        Thing thing = thing("A", "old", 3);
        assertThrows(ServiceException.Invalid.class, () -> writes.update(kind, thing, IfMatch.of("\"3\""), t -> {
            throw new ServiceException.Invalid("name", "no");
        }));
        assertTrue(log.isEmpty());
    }

    @Test
    void aChangeThatFindsNothingToDoWritesNothing() {
        Thing thing = thing("A", "same", 3);
        assertFalse(writes.changeIf(kind, thing, t -> false));
        assertTrue(log.isEmpty());
        assertTrue(writes.changeIf(kind, thing, t -> {
            t.name = "new";
            return true;
        }));
        assertEquals(List.of("flush", "audit thing A ThingDto[code=A, name=same] -> ThingDto[code=A, name=new]"), log);
    }

    @Test
    void aCreatePersistsFlushesThenAuditsWithoutBefore() {
        Thing thing = thing("C", "new", 0);
        Versioned<ThingDto> created = writes.create(kind, thing);
        assertEquals(new ThingDto("C", "new"), created.body());
        assertEquals(List.of("persist C by someone", "flush", "audit thing C null -> ThingDto[code=C, name=new]"), log);
    }

    @Test
    void aPutWithoutIfMatchCreatesStampedByTheCaller() {
        VersionedWrites.Put<ThingDto> put = writes.put(kind, "B", null, IfMatch.NONE, Thing::new, t -> {
            t.code = "B";
            t.name = "new";
        });
        assertTrue(put.created());
        assertEquals(new ThingDto("B", "new"), put.value().body());
        assertEquals(List.of("persist B by 王芳 (u-1)", "flush", "audit thing B null -> ThingDto[code=B, name=new]"), log);
    }

    @Test
    void aPutThatChangesNothingWritesNothing() {
        Thing thing = thing("A", "same", 3);
        VersionedWrites.Put<ThingDto> put = writes.put(kind, "A", thing, IfMatch.of("\"3\""), Thing::new, t -> t.name = "same");
        assertFalse(put.created());
        assertEquals(new Versioned<>(new ThingDto("A", "same"), 3), put.value());
        assertEquals("someone", thing.updatedBy);
        assertTrue(log.isEmpty());
    }

    @Test
    void aPutReplacesOnlyWithIfMatchAndDoesNotBringBackWhatIsGone() {
        Thing thing = thing("A", "old", 3);
        assertThrows(ServiceException.PreconditionRequired.class, () -> writes.put(kind, "A", thing, IfMatch.NONE, Thing::new, t -> t.name = "x"));
        assertThrows(ServiceException.PreconditionFailed.class, () -> writes.put(kind, "A", null, IfMatch.of("\"3\""), Thing::new, t -> t.name = "x"));
        VersionedWrites.Put<ThingDto> put = writes.put(kind, "A", thing, IfMatch.of("\"3\""), Thing::new, t -> t.name = "new");
        assertFalse(put.created());
        assertEquals("王芳 (u-1)", thing.updatedBy);
        assertEquals(List.of("flush", "audit thing A ThingDto[code=A, name=old] -> ThingDto[code=A, name=new]"), log);
    }

    @Test
    void aDeleteChecksAnIfMatchSentAndWhetherItMayGo() {
        Thing thing = thing("A", "old", 3);
        assertThrows(ServiceException.PreconditionFailed.class, () -> writes.delete(kind, thing, IfMatch.of("\"2\""), () -> log.add("refuse?")));
        assertThrows(ServiceException.Conflict.class, () -> writes.delete(kind, thing, IfMatch.NONE, () -> {
            throw new ServiceException.Conflict("still used");
        }));
        assertTrue(log.isEmpty());
        writes.delete(kind, thing, IfMatch.NONE, () -> log.add("refuse?"));
        assertEquals(List.of("refuse?", "remove A", "flush", "audit thing A ThingDto[code=A, name=old] -> null"), log);
    }

    private Thing thing(String code, String name, long version) {
        Thing thing = new Thing();
        thing.code = code;
        thing.name = name;
        thing.version = version;
        thing.updatedBy = "someone";
        return thing;
    }

    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "persist" -> {
                    Thing thing = (Thing) args[0];
                    log.add("persist " + thing.code + " by " + thing.updatedBy);
                }
                case "remove" -> log.add("remove " + ((Thing) args[0]).code);
                case "flush" -> log.add("flush");
                default -> throw new UnsupportedOperationException(method.getName());
            }
            return null;
        });
    }

    private AuditTrail audit() {
        return new AuditTrail(null, null, null) {
            @Override
            public void record(String resourceType, String resourceId, Object before, Object after) {
                log.add("audit " + resourceType + " " + resourceId + " " + before + " -> " + after);
            }
        };
    }

    private static Caller caller() {
        return new Caller() {
            @Override
            public String name() {
                return "王芳 (u-1)";
            }
        };
    }
}
