-- A `messages` page of one WABA's month (keyset on id, the web app's Messages page for an
-- account) with the index on (waba_id, charge_month) against one on (waba_id, charge_month, id):
-- a narrow table of 3,000,000 rows over 12 months and 20 WABAs, ids in time order as the
-- service assigns them; the first, a middle and the last page, then two WABAs of a portfolio.
--
--   createdb -h 127.0.0.1 -U postgres month_page_bench
--   psql -h 127.0.0.1 -U postgres month_page_bench -f bench/messages-month-page.sql
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS t;
CREATE TABLE t (id bigint PRIMARY KEY, waba_id text, charge_month text, charge_at bigint, pad text);
INSERT INTO t SELECT g, 'waba-' || (g % 20), '2026-' || lpad((1 + (g * 12 / 3000000))::text, 2, '0'), 1767225600000 + g * 10000, repeat('x', 300) FROM generate_series(0::bigint, 2999999::bigint) g;
CREATE INDEX t_wm ON t (waba_id, charge_month);
ANALYZE t;
\timing on
\echo two-column index: first page, middle, last
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 1499990 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 1499990 ORDER BY id LIMIT 51 \g /dev/null
\timing off
DROP INDEX t_wm;
CREATE INDEX t_wmi ON t (waba_id, charge_month, id);
ANALYZE t;
\timing on
\echo three-column index: first page, middle, last
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 1499990 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 1499990 ORDER BY id LIMIT 51 \g /dev/null
EXPLAIN SELECT id FROM t WHERE waba_id IN ('waba-7') AND charge_month IN ('2026-06') AND id > 0 ORDER BY id LIMIT 51;
\echo two WABAs of a portfolio, three-column index
SELECT id FROM t WHERE waba_id IN ('waba-7','waba-8') AND charge_month IN ('2026-06') AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7','waba-8') AND charge_month IN ('2026-06') AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id IN ('waba-7','waba-8') AND charge_month IN ('2026-06') AND id > 1499990 ORDER BY id LIMIT 51 \g /dev/null
\echo the same two WABAs as the service reads them: one page per (WABA, month), merged by id
SELECT id FROM t WHERE waba_id = 'waba-7' AND charge_month = '2026-06' AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id = 'waba-8' AND charge_month = '2026-06' AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id = 'waba-7' AND charge_month = '2026-06' AND id > 1499990 ORDER BY id LIMIT 51 \g /dev/null
SELECT id FROM t WHERE waba_id = 'waba-8' AND charge_month = '2026-06' AND id > 1499990 ORDER BY id LIMIT 51 \g /dev/null
