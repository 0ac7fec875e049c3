package gov.planmonitor.indicator;

import gov.planmonitor.testsupport.Contract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/** Fails when the served OpenAPI document drifts from the committed contract (see {@link Contract}). */
@QuarkusTest
class ContractTest {

    @Test
    void servedContractMatchesTheCommittedOne() throws IOException {
        Contract.assertServedMatchesCommitted();
    }

    @Test
    void theContractStatesTheApiConventions() {
        Contract.assertFollowsConventions();
    }
}
