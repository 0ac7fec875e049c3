package gov.planmonitor.indicator.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of a plan's indicators in one SQL statement: the plan, the page, its total, and per indicator its category,
 * departments, targets and the codes linked by series (the last three as JSON arrays). No entity is loaded: the
 * mapper builds the API records from the rows. (The same read through entities ran 9 to 12 statements.)
 */
@ApplicationScoped
public class IndicatorPageQuery {

    /** One indicator as the page needs it; the JSON columns are arrays of arrays, in the order the API lists them. */
    public record Row(String code, String plan, int seq, String nameZh, String nameEn, String attribute, String direction, String measures, String unit,
                      String series, String footnoteZh, String footnoteEn, String categoryCode, String categoryZh, String categoryEn,
                      String departmentsJson, String targetsJson, String linkedJson, long version, String unitJson) {
    }

    /** The plan exists (or not), the number of indicators that pass the filters, and the page of them. */
    public record Result(boolean planExists, long total, List<Row> rows) {
    }

    /** Filters as the list endpoint takes them; null for none. {@code attribute} "NONE" means no attribute. */
    public record Filters(String category, String attribute, String department, String q, java.time.OffsetDateTime updatedSince) {
    }

    /** A sort column, named as the API names it, and its direction. */
    public record Order(String field, boolean descending) {
    }

    /** The API's sort fields, in the order a refusal lists them, and the SQL that sorts by each. */
    public static final Map<String, String> SORT_SQL = sortSql();

    private static Map<String, String> sortSql() {
        Map<String, String> sql = new java.util.LinkedHashMap<>();
        sql.put("seq", "i.seq");
        sql.put("code", "i.code");
        sql.put("nameZh", "i.name_zh");
        sql.put("nameEn", "i.name_en");
        sql.put("category", "c.sort_order");
        sql.put("attribute", "i.attribute");
        return java.util.Collections.unmodifiableMap(sql);
    }

    private final EntityManager entities;

    public IndicatorPageQuery(EntityManager entities) {
        this.entities = entities;
    }

    /** One indicator, as a page would list it, with its version; empty when there is no such code. */
    public java.util.Optional<Row> findByCode(String code) {
        List<Object> params = new ArrayList<>();
        params.add(code);
        Result found = query("select pl.id, pl.code from plan pl join indicator one on one.plan_id = pl.id where one.code = ?1",
                "i.plan_id = p.id and i.code = ?1", params, "i.id", 0, 1);
        return found.rows().stream().findFirst();
    }

    public Result find(String planCode, Filters filters, List<Order> order, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(planCode);
        StringBuilder where = new StringBuilder("i.plan_id = p.id");
        if (filters.category() != null) {
            where.append(" and i.category_code = ?").append(bind(params, filters.category()));
        }
        if (filters.attribute() != null) {
            where.append(filters.attribute().equals("NONE") ? " and i.attribute is null" : " and i.attribute = ?" + bind(params, filters.attribute()));
        }
        if (filters.department() != null) {
            where.append(" and exists (select 1 from indicator_department x join department d on d.id = x.department_id"
                    + " where x.indicator_id = i.id and d.code = ?").append(bind(params, filters.department())).append(")");
        }
        if (filters.updatedSince() != null) {
            where.append(" and i.updated_at >= ?").append(bind(params, filters.updatedSince()));
        }
        if (filters.q() != null) {
            String q = filters.q().trim();
            where.append(" and (i.name_zh like ?").append(bind(params, "%" + q + "%"))
                    .append(" or lower(i.name_en) like ?").append(bind(params, "%" + q.toLowerCase() + "%"))
                    .append(" or lower(i.code) like ?").append(bind(params, "%" + q.toLowerCase() + "%")).append(")");
        }
        StringBuilder orderBy = new StringBuilder();
        for (Order o : order) {
            String column = SORT_SQL.get(o.field());
            if (column == null) {
                throw new IllegalArgumentException("no sort field " + o.field());
            }
            orderBy.append(column).append(o.descending() ? " desc" : " asc").append(", ");
        }
        orderBy.append("i.id");
        return query("select id, code from plan where code = ?1", where.toString(), params, orderBy.toString(), offset, limit);
    }

    /** The statement: {@code plan} selects the plan (id, code), {@code where} the indicators of it, as "i". */
    private Result query(String plan, String where, List<Object> params, String orderBy, int offset, int limit) {
        String offsetParam = bind(params, offset);
        String limitParam = bind(params, limit);
        // The page's order is computed once, as a position; the outer query keeps it (its joins keep no order of their own).
        String sql = "with p as (" + plan + "),"
                + " f as (select i.*, row_number() over (order by " + orderBy + ") as position from indicator i join p on " + where
                + " left join category c on c.code = i.category_code order by position offset ?" + offsetParam + " limit ?" + limitParam + ")"
                + " select p.code, (select count(*) from indicator i join p on " + where + ") as total,"
                + " f.code as indicator, f.seq, f.name_zh, f.name_en, f.attribute, f.direction, f.unit, f.series, f.footnote_zh, f.footnote_en,"
                + " f.version, f.measures,"
                + " c.code as category, c.name_zh as category_zh, c.name_en as category_en,"
                + " (select json_agg(json_build_array(d.code, d.name_zh, d.name_en, x.role) order by x.position)"
                + "    from indicator_department x join department d on d.id = x.department_id where x.indicator_id = f.id)::text,"
                + " (select json_agg(json_build_array(t.kind, t.text, t.measure, t.value, t.tolerance, t.text_unit, r.code, t.effective_from, t.reason, t.value_high, t.stretch_value, t.every_year, t.base_year)"
                + "    order by t.effective_from, t.id) from target t left join indicator r on r.id = t.reference_indicator_id"
                + "    where t.indicator_id = f.id and t.superseded_at is null)::text,"
                + " (select json_agg(o.code order by op.start_year, op.kind <> 'FIVE_YEAR', o.id)"
                + "    from indicator o join plan op on op.id = o.plan_id where o.series = f.series and o.id <> f.id)::text,"
                + " (select json_build_array(u.code, u.normalized, u.scale, u.name_zh, u.name_en, u.non_negative, u.rate, u.sort_order)"
                + "    from unit u where u.printed = f.unit)::text"
                + " from p left join f on true left join category c on c.code = f.category_code"
                + " order by f.position";
        Query query = entities.createNativeQuery(sql);
        for (int n = 0; n < params.size(); n++) {
            query.setParameter(n + 1, params.get(n));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        if (found.isEmpty()) {
            return new Result(false, 0, List.of());
        }
        long total = ((Number) found.get(0)[1]).longValue();
        List<Row> rows = new ArrayList<>();
        for (Object[] r : found) {
            if (r[2] == null) {
                continue; // the plan has no indicator on this page
            }
            rows.add(new Row((String) r[2], (String) r[0], ((Number) r[3]).intValue(), (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                    (String) r[13], (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[14], (String) r[15], (String) r[16],
                    (String) r[17], (String) r[18], (String) r[19], ((Number) r[12]).longValue(), (String) r[20]));
        }
        return new Result(true, total, rows);
    }

    /** Adds a parameter and returns its position, for "?n". */
    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return String.valueOf(params.size());
    }
}
