package gov.planmonitor.indicator;

import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.tabular.Exports;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The EXPORTS_PUBLIC switch (planmonitor.security.exports-public), without starting the service: by default an export
 * needs a token; switched on, anyone may export. ImportExportTest checks the default through the API.
 */
class ExportAccessTest {

    private static Caller caller(boolean anonymous) {
        return new Caller() {
            @Override
            public boolean anonymous() {
                return anonymous;
            }
        };
    }

    @Test
    void byDefaultAnExportNeedsAToken() {
        assertThrows(ServiceException.Unauthenticated.class, () -> new Exports(false, caller(true)).check());
        assertDoesNotThrow(() -> new Exports(false, caller(false)).check());
    }

    @Test
    void publicExportsNeedNone() {
        assertDoesNotThrow(() -> new Exports(true, caller(true)).check());
        assertDoesNotThrow(() -> new Exports(true, caller(false)).check());
    }
}
