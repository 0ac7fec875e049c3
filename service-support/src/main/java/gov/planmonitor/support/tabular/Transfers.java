package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.ServiceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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

    /** What a service exports: its tables for a scope (a plan, a list), read while the file is written. */
    public interface Source {

        /** Refuses, before anything is written, a scope that names nothing (a {@link ServiceException.BadQuery}). */
        void check(String scope);

        /**
         * Writes the rows of one entity (all, in schema order, when null) for a scope (everything when null) to
         * {@code tables}, each table as a stream of rows made as they are read. Runs while the response is written,
         * after the resource method has returned: it opens its own transaction.
         */
        void write(String entity, String scope, Tabular.TableWriter tables) throws IOException;
    }

    /**
     * An export file, named after the scope and entity. Everything a caller can get wrong (format, entity, scope) is
     * checked here, before the first byte, so it is a 400 Problem; the rows are then read and written while the
     * response is sent, never held whole (see {@link Tabular.TableWriter}). Who may export is {@link Exports}' to say.
     */
    public static Response export(String format, String entity, String scope, Map<String, Tabular.Columns> schema, Source source) {
        String f = format == null ? "json" : format.toLowerCase();
        if (!List.of("csv", "xlsx", "json").contains(f)) {
            throw new ServiceException.BadQuery("format", "format must be csv, xlsx or json");
        }
        if (f.equals("csv") && entity == null) {
            throw new ServiceException.BadQuery("entity", "a CSV export holds one entity: give entity=");
        }
        if (entity != null && !schema.containsKey(entity)) {
            throw new ServiceException.BadQuery("entity", "unknown entity " + entity + "; one of " + schema.keySet());
        }
        source.check(scope);
        Tabular.Format written = switch (f) {
            case "csv" -> Tabular.Format.CSV;
            case "xlsx" -> Tabular.Format.XLSX;
            default -> Tabular.Format.JSON;
        };
        StreamingOutput body = out -> {
            try (Tabular.TableWriter tables = Tabular.writer(written, schema, out)) {
                source.write(entity, scope, tables);
                tables.finish();
            }
        };
        String name = "planmonitor-" + (scope == null ? "all" : scope) + (entity == null ? "" : "-" + entity);
        String type = switch (f) {
            case "csv" -> "text/csv; charset=UTF-8";
            case "xlsx" -> XLSX;
            default -> MediaType.APPLICATION_JSON;
        };
        return Response.ok(body).type(type).header("Content-Disposition", "attachment; filename=\"" + name + "." + f + "\"").build();
    }
}
