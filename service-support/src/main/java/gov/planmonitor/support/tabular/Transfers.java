package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.ServiceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The HTTP side of import and export, the same in every service: formats by media type, file responses. */
public final class Transfers {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Transfers() {
    }

    /** The import format named by a Content-Type (JSON unless CSV or XLSX). */
    public static Tabular.Format format(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("text/csv")) {
            return Tabular.Format.CSV;
        }
        if (type.startsWith(XLSX)) {
            return Tabular.Format.XLSX;
        }
        return Tabular.Format.JSON;
    }

    /**
     * An export file: {@code tables} gives the rows of one entity (or all when null) for a scope (a plan, a list);
     * the file is named after the scope and entity.
     */
    public static Response export(String format, String entity, String scope, Map<String, Tabular.Columns> schema,
                                  BiFunction<String, String, Map<String, List<Map<String, Object>>>> tables) {
        String f = format == null ? "json" : format.toLowerCase();
        if (!List.of("csv", "xlsx", "json").contains(f)) {
            throw new ServiceException.BadQuery("format", "format must be csv, xlsx or json");
        }
        if (f.equals("csv") && entity == null) {
            throw new ServiceException.BadQuery("entity", "a CSV export holds one entity: give entity=");
        }
        Map<String, List<Map<String, Object>>> rows = tables.apply(entity, scope);
        String name = "planmonitor-" + (scope == null ? "all" : scope) + (entity == null ? "" : "-" + entity);
        byte[] bytes = switch (f) {
            case "csv" -> Tabular.writeCsv(schema.get(entity), rows.get(entity));
            case "xlsx" -> Tabular.writeXlsx(schema, rows);
            default -> Tabular.writeJson(schema, rows);
        };
        String type = switch (f) {
            case "csv" -> "text/csv; charset=UTF-8";
            case "xlsx" -> XLSX;
            default -> MediaType.APPLICATION_JSON;
        };
        return Response.ok(bytes).type(type).header("Content-Disposition", "attachment; filename=\"" + name + "." + f + "\"").build();
    }
}
