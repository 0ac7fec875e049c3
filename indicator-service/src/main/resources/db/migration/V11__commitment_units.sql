-- Units the 2018 plan's key work prints for its quantified commitments (seeds AP2018-101 to AP2018-131, 000:122-176) that
-- the catalogue lacked: a target's unit must be its indicator's own, so "4万名以上", "50场次", "8万座" and "18条" need
-- their printed form. (V11, not V10: V10 is the tasks schema, written alongside.)
INSERT INTO unit (code, printed, normalized, scale, name_zh, name_en, non_negative, rate, sort_order, created_at, created_by, updated_at, updated_by) VALUES
    ('PERSON_MING_10K', '万名', 'person', 10000, '万名', '10 thousand persons', TRUE, FALSE, 32, now(), 'migration', now(), 'migration'),
    ('EVENT_CHANGCI', '场次', 'event', 1, '场次', 'events (sessions)', TRUE, FALSE, 33, now(), 'migration', now(), 'migration'),
    ('STRUCTURE_10K', '万座', 'structure', 10000, '万座', '10 thousand structures (wells, bridges, buildings)', TRUE, FALSE, 34, now(), 'migration', now(), 'migration'),
    ('ITEM_TIAO', '条', 'item', 1, '条', 'items (streets, roads, lines)', TRUE, FALSE, 35, now(), 'migration', now(), 'migration');
