-- GET /api/v1/projects/FYP13-KP-01 as project-service runs it today: 8 statements in one read-only transaction
-- (Hibernate: the project, then its investments, milestones, list memberships, category, departments, linked
-- indicators and lists one by one). Rewrite this file with the endpoint when its SQL changes.
BEGIN READ ONLY;
select p1_0.id,p1_0.address,p1_0.category_id,p1_0.code,p1_0.created_at,p1_0.created_by,p1_0.investment_type,p1_0.latitude,p1_0.longitude,p1_0.name_en,p1_0.name_zh,p1_0.note,p1_0.progress_percent,p1_0.status,p1_0.tasks_en,p1_0.tasks_zh,p1_0.total_planned_investment,p1_0.updated_at,p1_0.updated_by,p1_0.version,p1_0.zone_code from project p1_0 where p1_0.code='FYP13-KP-01' fetch first 1 rows only;
select i1_0.id,i1_0.completed,i1_0.created_at,i1_0.created_by,i1_0.note,i1_0.planned,i1_0.project_id,i1_0.updated_at,i1_0.updated_by,i1_0.version,i1_0.year from investment i1_0 where i1_0.project_id=(select id from project where code='FYP13-KP-01') order by i1_0.year;
select m1_0.id,m1_0.actual_date,m1_0.created_at,m1_0.created_by,m1_0.name_en,m1_0.name_zh,m1_0.planned_date,m1_0.project_id,m1_0.state,m1_0.updated_at,m1_0.updated_by,m1_0.version from milestone m1_0 where m1_0.project_id=(select id from project where code='FYP13-KP-01') order by m1_0.planned_date;
select m1_0.project_id,m1_0.list_id,m1_0.seq from project_list_member m1_0 where m1_0.project_id=(select id from project where code='FYP13-KP-01');
select c1_0.id,c1_0.code,c1_0.created_at,c1_0.created_by,c1_0.name_en,c1_0.name_zh,c1_0.seq,c1_0.updated_at,c1_0.updated_by,c1_0.version from category c1_0 where c1_0.id=(select category_id from project where code='FYP13-KP-01');
select d1_0.project_id,d1_0.department_code,d1_0.position,d1_0.role from project_department d1_0 where d1_0.project_id=(select id from project where code='FYP13-KP-01') order by d1_0.position;
select i1_0.project_id,i1_0.indicator_code from project_indicator i1_0 where i1_0.project_id=(select id from project where code='FYP13-KP-01');
select pl1_0.id,pl1_0.code,pl1_0.created_at,pl1_0.created_by,pl1_0.name_en,pl1_0.name_zh,pl1_0.plan_code,pl1_0.reported_completed_investment,pl1_0.reported_note,pl1_0.reported_planned_investment_share,pl1_0.reported_project_count,pl1_0.updated_at,pl1_0.updated_by,pl1_0.version,pl1_0.year from project_list pl1_0 where pl1_0.id=(select list_id from project_list_member where project_id=(select id from project where code='FYP13-KP-01') limit 1);
COMMIT;
