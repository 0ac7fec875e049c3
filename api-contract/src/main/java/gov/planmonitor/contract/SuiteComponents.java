package gov.planmonitor.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import gov.planmonitor.contract.SuiteDocument.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services' components in the combined document: a name two services use for different things is kept apart under
 * each service's prefix (every $ref to it rewritten), and the rest is merged in a stable order.
 */
final class SuiteComponents {

    private static final List<String> COMPONENT_ORDER = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");

    static void resolve(Map<Service, ObjectNode> docs, List<String> notes) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String section : sections(docs)) {
                Set<String> names = new TreeSet<>();
                docs.values().forEach(d -> d.path("components").path(section).fieldNames().forEachRemaining(names::add));
                for (String name : names) {
                    Map<Service, JsonNode> variants = new LinkedHashMap<>();
                    docs.forEach((s, d) -> {
                        JsonNode node = d.path("components").path(section).get(name);
                        if (node != null) {
                            variants.put(s, node);
                        }
                    });
                    if (variants.size() < 2 || variants.values().stream().distinct().count() == 1) {
                        continue;
                    }
                    if (section.equals("securitySchemes")) {
                        // Referenced by name from security requirements, not by $ref: renaming would break them.
                        throw new IllegalArgumentException("Security scheme '" + name + "' differs between " + variants.keySet());
                    }
                    List<String> renamed = new ArrayList<>();
                    for (Service service : variants.keySet()) {
                        String newName = service.prefix() + "." + name;
                        rename(docs.get(service), section, name, newName);
                        renamed.add(newName + " (" + service.name() + ")");
                    }
                    notes.add("components." + section + "." + name + " differs between the services, so each keeps its own: "
                            + String.join(", ", renamed) + ".");
                    changed = true;
                }
            }
        }
    }

    private static Set<String> sections(Map<Service, ObjectNode> docs) {
        Set<String> sections = new LinkedHashSet<>(COMPONENT_ORDER);
        docs.values().forEach(d -> d.path("components").fieldNames().forEachRemaining(sections::add));
        return sections;
    }

    private static void rename(ObjectNode doc, String section, String name, String newName) {
        ObjectNode components = (ObjectNode) doc.path("components").path(section);
        if (components.has(newName)) {
            throw new IllegalArgumentException("components." + section + "." + newName + " exists already");
        }
        // Rebuilt to keep the other components' order.
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        components.properties().forEach(f -> renamed.set(f.getKey().equals(name) ? newName : f.getKey(), f.getValue()));
        components.removeAll();
        components.setAll(renamed);
        rewriteRefs(doc, "#/components/" + section + "/" + name, "#/components/" + section + "/" + newName);
    }

    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && (ref.asText().equals(from) || ref.asText().startsWith(from + "/"))) {
                object.set("$ref", TextNode.valueOf(to + ref.asText().substring(from.length())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
        }
    }

    static ObjectNode merge(Map<Service, ObjectNode> docs) {
        ObjectNode components = JsonNodeFactory.instance.objectNode();
        for (String section : sections(docs)) {
            Map<String, JsonNode> merged = new TreeMap<>();
            docs.values().forEach(d -> d.path("components").path(section).properties()
                    .forEach(f -> merged.putIfAbsent(f.getKey(), f.getValue())));
            if (!merged.isEmpty()) {
                components.putObject(section).setAll(merged);
            }
        }
        return components;
    }

    private SuiteComponents() {
    }
}
