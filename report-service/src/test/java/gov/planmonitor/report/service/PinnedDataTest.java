package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pinned data of a report as rows stored before it was typed hold it (the other services' whole answers under
 * asOf, evaluation, department, projects and projectRows) still reads as {@link PinnedData}, and renders to the very
 * content the tree-reading generator produced from it (src/test/resources/pinned/*.content.json, written by that
 * generator from the same data before the change; since then the English narrative also gives the projects' stages and
 * overdue milestones, as the Chinese always did, so project-progress.content.json's narrativeEn says so). The
 * narrative's wording is in the message bundles, so the generator runs in the application.
 */
@QuarkusTest
class PinnedDataTest {

    @Inject
    ReportGenerator generator;

    /** As Quarkus configures it for the service: unknown properties fail unless a record ignores them. */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @ParameterizedTest
    @CsvSource({"annual-execution, ANNUAL_EXECUTION", "annual-execution-no-list, ANNUAL_EXECUTION", "plan-evaluation, PLAN_EVALUATION",
            "department-scorecard, DEPARTMENT_SCORECARD", "project-progress, PROJECT_PROGRESS"})
    void anOldRowsPinnedDataRendersTheContentItAlwaysGave(String name, String type) throws IOException {
        PinnedData old = JSON.readValue(resource(name + ".pinned.json"), PinnedData.class);
        String content = JSON.writeValueAsString(generator.render(type, old));
        assertEquals(resource(name + ".content.json"), content);
    }

    @ParameterizedTest
    @CsvSource({"annual-execution", "department-scorecard", "project-progress"})
    void pinnedDataIsStoredUnderTheNamesItAlwaysHadAndReadsBackTheSame(String name) throws IOException {
        PinnedData data = JSON.readValue(resource(name + ".pinned.json"), PinnedData.class);
        String stored = JSON.writeValueAsString(data);
        assertEquals(data, JSON.readValue(stored, PinnedData.class));
        List<String> names = new java.util.ArrayList<>();
        JSON.readTree(stored).fieldNames().forEachRemaining(names::add);
        List<String> before = new java.util.ArrayList<>();
        JsonNode old = JSON.readTree(resource(name + ".pinned.json"));
        old.fieldNames().forEachRemaining(f -> {
            if (!old.get(f).isNull()) {
                before.add(f);
            }
        });
        assertEquals(before.stream().sorted().toList(), names.stream().sorted().toList());
    }

    /** A job's pinned tasks and plan (issue 25) are stored and read back whole; a row without them reads them as null. */
    @org.junit.jupiter.api.Test
    void pinnedTasksAndPlanReadBackTheSame() throws IOException {
        JsonNode page;
        try (InputStream in = PinnedDataTest.class.getResourceAsStream("/downstream/ap2017-tasks.json")) {
            page = JSON.readTree(in);
        }
        List<gov.planmonitor.report.client.Task> tasks = JSON.convertValue(page.get("items"),
                JSON.getTypeFactory().constructCollectionType(List.class, gov.planmonitor.report.client.Task.class));
        PinnedData data = new PinnedData("2018-01-01T16:00:00Z", null, null, null, null,
                new gov.planmonitor.report.client.Plan("AP2017", 2017, 2017, "越秀区2017年国民经济和社会发展计划", "2017 Plan"), tasks);
        PinnedData back = JSON.readValue(JSON.writeValueAsString(data), PinnedData.class);
        assertEquals(data, back);
        assertEquals(7, back.tasks().size());
        assertEquals("LAGGING", back.tasks().get(3).commitments().get(0).verdict());
        assertEquals(null, JSON.readValue(resource("annual-execution.pinned.json"), PinnedData.class).tasks());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PinnedDataTest.class.getResourceAsStream("/pinned/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
