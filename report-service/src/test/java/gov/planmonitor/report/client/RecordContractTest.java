package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link RecordContract} on a small contract: it passes records that fit and names what is wrong in those that do not. */
class RecordContractTest {

    private static final String CONTRACT = """
            components:
              schemas:
                Thing:
                  type: object
                  required: [code, count]
                  properties:
                    code: {type: string}
                    count: {type: integer, format: int32}
                    share: {type: [number, "null"]}
                    seq: {type: integer}
                    part: {anyOf: [{$ref: "#/components/schemas/Part"}, {type: "null"}]}
                    parts: {type: array, items: {$ref: "#/components/schemas/Part"}}
                    byStatus: {type: object, additionalProperties: {type: integer}}
                Part:
                  type: object
                  properties:
                    name: {type: string}
            """;

    record Part(String name) {
    }

    record Fits(String code, int count, BigDecimal share, Integer seq, Part part, List<Part> parts, Map<String, Integer> byStatus) {
    }

    record Renamed(String kode) {
    }

    record WrongTypes(Integer code, String count, List<String> byStatus) {
    }

    record PrimitiveForOptional(int seq, double share) {
    }

    record WrongPart(String code, List<WrongName> parts, Map<String, String> byStatus) {
    }

    record WrongName(String title) {
    }

    private static List<String> check(Class<?> record) throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(CONTRACT);
        return RecordContract.check(document, record, new ObjectMapper().createObjectNode().put("$ref", "#/components/schemas/Thing"));
    }

    @Test
    void aRecordThatFitsPasses() throws IOException {
        assertEquals(List.of(), check(Fits.class));
    }

    @Test
    void aComponentTheSchemaLacksIsNamed() throws IOException {
        assertEquals(List.of("record Renamed, component kode: schema Thing has no property kode"), check(Renamed.class));
    }

    @Test
    void anIncompatibleTypeIsNamed() throws IOException {
        assertEquals(List.of("record WrongTypes, component code (Integer, JSON integer): schema Thing.code is string",
                "record WrongTypes, component count (String, JSON string): schema Thing.count is integer",
                "record WrongTypes, component byStatus (List, JSON array): schema Thing.byStatus is object"), check(WrongTypes.class));
    }

    @Test
    void aPrimitiveOnlyStandsForARequiredNonNullableProperty() throws IOException {
        assertEquals(List.of("record PrimitiveForOptional, component seq (int): schema Thing has seq not required, which a primitive cannot hold; use its wrapper",
                "record PrimitiveForOptional, component share (double): schema Thing has share not required, which a primitive cannot hold; use its wrapper"),
                check(PrimitiveForOptional.class));
    }

    @Test
    void nestedRecordsListsAndMapsAreCheckedInTurn() throws IOException {
        assertEquals(List.of("record WrongName, component title: schema Part has no property title",
                "record WrongPart, component byStatus{} (String, JSON string): schema Thing.byStatus.additionalProperties is integer"),
                check(WrongPart.class));
    }
}
