package gov.planmonitor.support.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads the JSON a one-statement query builds in PostgreSQL (json_agg of a row's collections): numbers as exact
 * decimals, as NUMERIC columns hold them; SQL NULL (an empty collection) as a node with no elements.
 */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonColumns() {
    }

    public static JsonNode parse(String json) {
        if (json == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON from the database: " + json, e);
        }
    }
}
