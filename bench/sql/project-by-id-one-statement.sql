-- GET /api/v1/projects/FYP13-KP-01 as the service computes it (ProjectQuery): one statement.
select p.code, p.version, p.name_zh, p.name_en, c.code, c.name_zh, c.name_en, p.tasks_zh, p.tasks_en, p.status,
 z.code, z.name_zh, z.name_en, p.investment_type, p.address, p.latitude, p.longitude, p.total_planned_investment, p.progress_percent, p.note,
 (select json_agg(json_build_array(d.department_code, d.role) order by d.position) from project_department d where d.project_id = p.id)::text,
 (select json_agg(i.indicator_code order by i.indicator_code) from project_indicator i where i.project_id = p.id)::text,
 (select json_agg(json_build_array(l.code, m.seq) order by l.code) from project_list_member m join project_list l on l.id = m.list_id
    where m.project_id = p.id)::text,
 (select json_agg(json_build_array(v.planned, v.completed) order by v.year) from investment v where v.project_id = p.id)::text,
 (select json_agg(json_build_array(s.state, s.planned_date) order by s.planned_date) from milestone s where s.project_id = p.id)::text
 from project p join category c on c.id = p.category_id left join zone z on z.code = p.zone_code where p.code = 'FYP13-KP-01';
