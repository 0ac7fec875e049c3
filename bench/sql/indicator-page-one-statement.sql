-- GET /api/v1/plans/FYP13/indicators?size=20 as one statement (IndicatorPageQuery, what the service computes since
-- step 1 of issue 11): the plan, the page, its total, each indicator with its category, departments, targets and linked codes as
-- JSON arrays; the target in force and the units stay in Java. 1 ms in EXPLAIN ANALYZE on the seeds.
with p as (select id, code from plan where code = 'FYP13'),
f as (select i.* from indicator i join p on i.plan_id = p.id),
pg as (select * from f order by seq, id offset 0 limit 20)
select p.code as plan, (select count(*) from f) as total,
       pg.id, pg.code, pg.seq, pg.name_zh, pg.name_en, pg.attribute, pg.direction, pg.unit, pg.series, pg.footnote_zh, pg.footnote_en,
       c.code as category, c.name_zh as category_zh, c.name_en as category_en,
       (select json_agg(json_build_array(d.code, d.name_zh, d.name_en, x.role) order by x.position)
          from indicator_department x join department d on d.id = x.department_id where x.indicator_id = pg.id)::text as departments,
       (select json_agg(json_build_array(t.kind, t.text, t.measure, t.value, t.tolerance, t.text_unit, r.code, t.effective_from, t.reason) order by t.effective_from, t.id)
          from target t left join indicator r on r.id = t.reference_indicator_id where t.indicator_id = pg.id)::text as targets,
       (select json_agg(o.code order by op.start_year, op.kind <> 'FIVE_YEAR', o.id)
          from indicator o join plan op on op.id = o.plan_id where o.series = pg.series and o.id <> pg.id)::text as linked
from p left join pg on true left join category c on c.code = pg.category_code
order by pg.seq, pg.id;
