package gov.planmonitor.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.contract.BreakingChanges.Result;
import gov.planmonitor.contract.SuiteDocument.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's contract against the baseline of the last released API: an incompatible change needs a new major
 * {@code info.version}. Every run writes the contract's changelog to {@code target/changelog/<service>.md}.
 */
class BreakingChangeTest {

    static final Path CHANGELOG = Path.of("target/changelog");

    static List<Service> services() {
        return SuiteDocument.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void contractIsCompatibleWithTheReleasedBaselineOrRaisesTheMajorVersion(Service service) {
        Result result = BreakingChanges.compare(service.name(), BreakingChanges.BASELINE.resolve(service.name() + ".yaml"),
                service.contract(SuiteDocumentTest.ROOT));
        Path changelog = result.writeChangelog(CHANGELOG);
        System.out.printf("[contract] %s %s -> %s: %s; changelog %s%n", service.name(), result.baselineVersion(),
                result.currentVersion(), result.verdict(), changelog.toAbsolutePath());
        assertTrue(result.acceptable(), () -> service.name() + ": " + result.verdict() + "\n\n" + result.changelog());
    }

    // ---- the check itself: it does catch a break -------------------------------------------------------------------

    @Test
    void removingAResponseFieldIsIncompatibleUnlessTheMajorVersionIsRaised() {
        String baseline = baseline("indicator-service");
        ObjectNode changed = SuiteDocument.parse(baseline);
        ((ObjectNode) changed.at("/components/schemas/Indicator/properties")).remove("nameZh");

        Result sameMajor = report("nameZh removed from Indicator, version 1.0.0", BreakingChanges.compare("indicator-service", baseline, SuiteDocument.toYaml(changed)));
        assertTrue(sameMajor.incompatible(), sameMajor::changelog);
        assertFalse(sameMajor.acceptable());
        assertTrue(sameMajor.removedProperties().contains("GET /api/v1/indicators/{code} 200 application/json: nameZh"),
                () -> String.valueOf(sameMajor.removedProperties()));
        assertTrue(sameMajor.changelog().contains("nameZh"), sameMajor::changelog);

        ((ObjectNode) changed.get("info")).put("version", "2.0.0");
        Result newMajor = report("nameZh removed from Indicator, version 2.0.0", BreakingChanges.compare("indicator-service", baseline, SuiteDocument.toYaml(changed)));
        assertTrue(newMajor.incompatible());
        assertTrue(newMajor.acceptable(), newMajor::verdict);

        ((ObjectNode) changed.get("info")).put("version", "1.1.0");
        assertFalse(report("nameZh removed from Indicator, version 1.1.0", BreakingChanges.compare("indicator-service", baseline, SuiteDocument.toYaml(changed))).acceptable(),
                "a minor version is not enough");
    }

    @Test
    void renamingAPathIsIncompatible() {
        String baseline = baseline("indicator-service");
        String renamed = baseline.replace("/api/v1/plans/{code}/evaluation:", "/api/v1/plans/{code}/assessment:");
        Result result = report("path /evaluation renamed /assessment", BreakingChanges.compare("indicator-service", baseline, renamed));
        assertTrue(result.incompatible(), result::changelog);
        assertFalse(result.acceptable());
        assertTrue(result.changelog().contains("/api/v1/plans/{code}/evaluation"), result::changelog);
    }

    @Test
    void changingAResponseFieldTypeIsIncompatible() {
        String baseline = baseline("report-service");
        ObjectNode changed = SuiteDocument.parse(baseline);
        ((ObjectNode) changed.at("/components/schemas/Report/properties/attempts")).put("type", "string").remove("format");
        Result result = report("Report.attempts integer -> string", BreakingChanges.compare("report-service", baseline, SuiteDocument.toYaml(changed)));
        assertTrue(result.incompatible(), result::changelog);
    }

    @Test
    void removingARequestFieldIsIncompatible() {
        // The services reject unknown fields with 400: a client still sending "plan" would break.
        String baseline = baseline("report-service");
        ObjectNode changed = SuiteDocument.parse(baseline);
        ((ObjectNode) changed.at("/components/schemas/ReportRequest/properties")).remove("plan");
        Result result = report("ReportRequest.plan removed", BreakingChanges.compare("report-service", baseline, SuiteDocument.toYaml(changed)));
        assertTrue(result.removedProperties().contains("POST /api/v1/reports request application/json: plan"),
                () -> String.valueOf(result.removedProperties()));
        assertFalse(result.acceptable());
    }

    @Test
    void addingAnOptionalResponseFieldIsCompatible() {
        String baseline = baseline("indicator-service");
        ObjectNode changed = SuiteDocument.parse(baseline);
        ((ObjectNode) changed.at("/components/schemas/Indicator/properties")).putObject("noteZh").put("type", "string");
        ((ObjectNode) changed.get("info")).put("version", "1.1.0");
        Result result = report("optional Indicator.noteZh added, version 1.1.0", BreakingChanges.compare("indicator-service", baseline, SuiteDocument.toYaml(changed)));
        assertFalse(result.diff().isUnchanged(), result::changelog);
        assertFalse(result.incompatible(), result::changelog);
        assertTrue(result.acceptable());
    }

    @Test
    void aPatternListingCodesRestatedAsAnEnumIsNoChangeButDroppingACodeBreaks() {
        String baseline = baseline("report-service");
        ObjectNode restated = SuiteDocument.parse(baseline);
        ObjectNode type = (ObjectNode) restated.at("/components/schemas/ReportRequest/properties/type");
        type.remove("pattern");
        type.putArray("enum").add("ANNUAL_EXECUTION").add("PLAN_EVALUATION").add("DEPARTMENT_SCORECARD").add("PROJECT_PROGRESS");
        Result same = report("ReportRequest.type pattern written as an enum", BreakingChanges.compare("report-service", baseline, SuiteDocument.toYaml(restated)));
        assertFalse(same.incompatible(), same::changelog);

        ((com.fasterxml.jackson.databind.node.ArrayNode) type.get("enum")).remove(3);
        Result narrowed = report("ReportRequest.type without PROJECT_PROGRESS", BreakingChanges.compare("report-service", baseline, SuiteDocument.toYaml(restated)));
        assertTrue(narrowed.incompatible(), narrowed::changelog);
    }

    private static String baseline(String service) {
        try {
            return java.nio.file.Files.readString(BreakingChanges.BASELINE.resolve(service + ".yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Result report(String change, Result result) {
        System.out.printf("[contract] check of a changed %s (%s): %s -> %s: %s%s%n", result.service(), change, result.baselineVersion(),
                result.currentVersion(), result.verdict(), result.removedProperties().isEmpty() ? "" : "; removed " + result.removedProperties());
        return result;
    }
}
