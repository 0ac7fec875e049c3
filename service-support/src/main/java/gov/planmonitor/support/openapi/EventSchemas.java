package gov.planmonitor.support.openapi;

import gov.planmonitor.support.changes.ChangeFeed;
import gov.planmonitor.support.webhooks.Signature;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The events a service announces, written into its contract from the same configuration the change feed reads
 * (planmonitor.changes.resources.*): one schema per resource's events ({@code ObservationEvent}: a ChangeEvent whose
 * type is one of that resource's and whose data is its representation), {@code Event}, one of them chosen by type, and,
 * in the {@code x-webhooks} extension, the signed POST a subscriber receives.
 */
final class EventSchemas {

    private static final String PREFIX = "planmonitor.changes.resources.";
    /** Where each service's contract describes the webhook a subscriber receives. */
    static final String WEBHOOKS = "x-webhooks";

    private EventSchemas() {
    }

    static void add(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        String service = config.getOptionalValue("quarkus.application.name", String.class).orElse(null);
        Map<String, String> paths = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(".path")) {
                paths.put(name.substring(PREFIX.length(), name.length() - ".path".length()), config.getValue(name, String.class));
            }
        }
        if (service == null || paths.isEmpty() || openAPI.getComponents().getSchemas().get("ChangeEvent") == null) {
            return;
        }
        String prefix = ChangeFeed.typePrefix(service);
        Schema common = openAPI.getComponents().getSchemas().get("ChangeEvent");
        List<Schema> events = new ArrayList<>();
        Map<String, String> mapping = new TreeMap<>();
        Examples examples = new Examples(openAPI);
        paths.forEach((resource, path) -> {
            String data = config.getValue(PREFIX + resource + ".schema", String.class);
            List<String> actions = config.getOptionalValue(PREFIX + resource + ".actions", String.class)
                    .map(a -> Arrays.asList(a.split(","))).orElse(List.of("created", "updated", "deleted"));
            List<Object> types = new ArrayList<>(actions.stream().map(action -> (Object) (prefix + resource + "." + action)).toList());
            String name = pascal(resource) + "Event";
            // ChangeEvent's attributes, flat (an allOf would give generators two clashing definitions of type and data),
            // with the type one of the resource's and the data its representation.
            Map<String, Schema> properties = new LinkedHashMap<>(common.getProperties());
            properties.put("source", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .description(common.getProperties().get("source").getDescription()).examples(List.of("/" + service)));
            properties.put("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(types));
            properties.put("subject", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .description("The resource's path: " + path));
            // A $ref stands alone (ContractConventions); the event's description says what data is. A deleted resource's
            // event carries data null (the trail keeps no state after a delete), so a resource that can be deleted says so.
            Schema representation = OASFactory.createSchema().ref(ContractFilter.SCHEMAS + data);
            properties.put("data", actions.contains("deleted")
                    ? OASFactory.createSchema().description("null for a deleted resource")
                    .anyOf(List.of(representation, OASFactory.createSchema().addType(Schema.SchemaType.NULL)))
                    : representation);
            Schema event = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("An event about a resource of type " + resource + ": " + String.join(", ", types.stream().map(Object::toString).toList())
                            + ". The data is the " + data + " as the API gives it after the write.")
                    .properties(properties)
                    .required(List.of("specversion", "id", "source", "type", "subject", "time"));
            event.examples(List.of(example(examples, service, types.get(0).toString(), path, data)));
            openAPI.getComponents().addSchema(name, event);
            events.add(OASFactory.createSchema().ref(ContractFilter.SCHEMAS + name));
            types.forEach(type -> mapping.put(type.toString(), ContractFilter.SCHEMAS + name));
        });
        // One of the resources' events, told apart by type: generators that read discriminators give typed data.
        Schema event = OASFactory.createSchema()
                .description(common.getDescription() + " One schema per resource (its data typed), chosen by type.")
                .oneOf(events)
                .discriminator(OASFactory.createDiscriminator().propertyName("type").mapping(mapping));
        openAPI.getComponents().addSchema("Event", event);
        Schema page = openAPI.getComponents().getSchemas().get("ChangePage");
        page.getProperties().get("items").setItems(OASFactory.createSchema().ref(ContractFilter.SCHEMAS + "Event"));
        openAPI.getComponents().removeSchema("ChangeEvent");
        // An extension, not OpenAPI 3.1's webhooks: generators make client operations of webhooks (a receiveEvent that
        // POSTs to a path no service serves). api-contract's suite.yaml shows it as a webhook.
        openAPI.addExtension(WEBHOOKS, Map.of("event", webhook(service)));
    }

    /**
     * An event of the type, composed from the examples of ChangeEvent's and the data schema's fields; the subject's
     * placeholders take the data example's values of the same name (or its code or id).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> example(Examples examples, String service, String type, String path, String data) {
        Object common = examples.of(OASFactory.createSchema().ref(ContractFilter.SCHEMAS + "ChangeEvent"));
        Map<String, Object> event = common instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        Object state = examples.of(OASFactory.createSchema().ref(ContractFilter.SCHEMAS + data));
        Map<String, Object> fields = state instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder subject = new StringBuilder();
        while (placeholder.find()) {
            Object value = fields.get(placeholder.group(1));
            for (String fallback : List.of("code", "id", "indicator", "project")) {
                value = value != null ? value : fields.get(fallback);
            }
            placeholder.appendReplacement(subject, Matcher.quoteReplacement(String.valueOf(value == null ? 1 : value)));
        }
        placeholder.appendTail(subject);
        event.put("source", "/" + service);
        event.put("type", type);
        event.put("subject", subject.toString());
        event.put("data", state);
        return event;
    }

    /** The POST a subscription's target receives for each event, as plain maps (an extension's value is written as is). */
    private static Map<String, Object> webhook(String service) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", "receiveEvent");
        operation.put("summary", "What a subscription's target receives: one event per POST, signed, in commit order, at least once");
        operation.put("description", "Answer 2xx within 10 s to acknowledge it. Any other answer, a redirect or none is retried after 10 s,"
                + " then twice as long each time, up to an hour apart, for 24 hours; the subscription's next event waits"
                + " until this one is delivered or given up. Verify the signature before trusting the body, refuse a"
                + " timestamp more than a few minutes old, and keep the webhook-ids seen to take a redelivery once.");
        operation.put("parameters", List.of(
                header(Signature.ID, "The event's id, the same on every attempt and redelivery: <service>-<event id>", service + "-1024"),
                header(Signature.TIMESTAMP, "When this attempt was sent, in seconds since 1970-01-01T00:00:00Z", "1518052200"),
                header(Signature.SIGNATURE, "v1, then the base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>.<body>\""
                        + " keyed with the subscription's secret (its UTF-8 bytes)", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")));
        // Ordered maps only where there are several keys: Map.of iterates in an order that changes from run to run.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("required", true);
        body.put("content", Map.of("application/cloudevents+json", Map.of("schema", Map.of("$ref", ContractFilter.SCHEMAS + "Event"))));
        operation.put("requestBody", body);
        operation.put("responses", Map.of("200", Map.of("description", "Received (any 2xx will do)")));
        return Map.of("post", operation);
    }

    private static Map<String, Object> header(String name, String description, String example) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("name", name);
        header.put("in", "header");
        header.put("required", true);
        header.put("description", description);
        header.put("schema", Map.of("type", "string"));
        header.put("example", example);
        return header;
    }

    /** project-status → ProjectStatus */
    private static String pascal(String resource) {
        StringBuilder name = new StringBuilder();
        for (String part : resource.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
