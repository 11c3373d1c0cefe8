-- Does monthly partitioning of `messages` pay on one PostgreSQL node? Two copies of the table
-- with the service's own columns and indexes, one plain and one partitioned by month of
-- charge_at, filled with the same rows (12 months, 20 WABAs); then the reads the service makes
-- of one month: the statement's scan of a month (here summed over messages, as a cost report from
-- messages does), a WABA's month by (waba_id, charge_month), and a `messages` page (keyset on id,
-- filtered by WABA and charge instant: the first, a middle and the last page) and a look-up by
-- wamid, each run three times after a warm-up (see \timing); then the pages again on the plain
-- table with an index on (waba_id, charge_at).
--
--   createdb -h 127.0.0.1 -U postgres partition_bench
--   DATABASE_URL=postgres://postgres@127.0.0.1:5432/partition_bench npm run events -- list   # migrates
--   psql -h 127.0.0.1 -U postgres partition_bench -v rows=3000000 -f bench/partition-messages.sql
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 3000000
\endif

DROP TABLE IF EXISTS bench_plain, bench_part CASCADE;
CREATE TABLE bench_plain (LIKE messages INCLUDING DEFAULTS);
ALTER TABLE bench_plain ALTER COLUMN id DROP DEFAULT;
ALTER TABLE bench_plain ADD PRIMARY KEY (id);
CREATE UNIQUE INDEX ON bench_plain (wamid, phone_number_id);
CREATE INDEX ON bench_plain (charge_at);
CREATE INDEX ON bench_plain (phone_number_id, contact, sent_at);
CREATE INDEX ON bench_plain (sequence_group, charge_at);
CREATE INDEX ON bench_plain (waba_id, charge_month);

-- A partitioned table's unique indexes must hold the partition key: (wamid, phone number) can
-- no longer be unique by itself, and the primary key becomes (id, charge_at).
CREATE TABLE bench_part (LIKE messages INCLUDING DEFAULTS) PARTITION BY RANGE (charge_at);
ALTER TABLE bench_part ALTER COLUMN id DROP DEFAULT;
ALTER TABLE bench_part ALTER COLUMN charge_at SET NOT NULL;
ALTER TABLE bench_part ADD PRIMARY KEY (id, charge_at);
CREATE UNIQUE INDEX ON bench_part (wamid, phone_number_id, charge_at);
CREATE INDEX ON bench_part (charge_at);
CREATE INDEX ON bench_part (phone_number_id, contact, sent_at);
CREATE INDEX ON bench_part (sequence_group, charge_at);
CREATE INDEX ON bench_part (waba_id, charge_month);
SELECT format('CREATE TABLE bench_part_%s PARTITION OF bench_part FOR VALUES FROM (%s) TO (%s)',
              to_char(m, 'YYYY_MM'),
              extract(epoch FROM m)::bigint * 1000,
              extract(epoch FROM m + interval '1 month')::bigint * 1000)
  FROM generate_series(timestamp '2026-01-01', timestamp '2026-12-01', interval '1 month') AS m
\gexec

\echo filling :rows rows
INSERT INTO bench_plain (id, wamid, phone_number_id, waba_id, direction, origin, contact, status,
                         sent_at, charge_billable, charge_reason, charge_pricing_category,
                         charge_market, charge_amount, charge_amount_micros, charge_currency,
                         charge_at, charge_month, charge_day, portfolio_id, sequence_group)
SELECT n, 'wamid.' || md5(n::text), 'phone-' || (n % 40), 'waba-' || (n % 20), 'OUTBOUND',
       'CLOUD_API', '55119' || lpad((n % 200000)::text, 6, '0'), 'delivered', at,
       n % 4 <> 0, CASE WHEN n % 4 = 0 THEN 'FREE_SERVICE' ELSE 'BILLED' END,
       CASE n % 3 WHEN 0 THEN 'MARKETING' WHEN 1 THEN 'UTILITY' ELSE 'AUTHENTICATION' END,
       'Brazil', '0.0625', 62500, 'USD', at, to_char(to_timestamp(at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM'),
       to_char(to_timestamp(at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'portfolio-' || (n % 5),
       'T|portfolio-' || (n % 5) || '|Brazil|UTILITY|' || to_char(to_timestamp(at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM')
  FROM (SELECT n, 1767225600000 + ((n - 1)::bigint * 31536000000 / :rows) AS at
          FROM generate_series(1, :rows) AS n) AS generated;
INSERT INTO bench_part SELECT * FROM bench_plain;
VACUUM ANALYZE bench_plain;
VACUUM ANALYZE bench_part;
SELECT pg_size_pretty(pg_total_relation_size('bench_plain')) AS plain_size;
SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS partitioned_size
  FROM pg_inherits WHERE inhparent = 'bench_part'::regclass;

\timing on
\echo a month of every WABA, by charge instant: plain, then partitioned
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_plain WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_plain WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_plain WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_plain WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_part WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_part WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_part WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null
SELECT charge_pricing_category, count(*), sum(charge_amount_micros) FROM bench_part WHERE charge_at >= 1780272000000 AND charge_at < 1782864000000 GROUP BY 1 \g /dev/null

\echo one WABA month, by waba_id and charge_month: plain, then partitioned
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_plain WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_plain WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_plain WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_plain WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_part WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_part WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_part WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null
SELECT charge_reason, count(*), sum(charge_amount_micros) FROM bench_part WHERE waba_id = 'waba-7' AND charge_month = '2026-06' GROUP BY 1 \g /dev/null

\echo messages page, the first page: plain, then partitioned
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
\echo messages page, a page in the middle of the month: plain, then partitioned
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
\echo messages page, the last page (past the month): plain, then partitioned
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_part WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
\echo a message by wamid, the look-up of a status: plain, then partitioned
SELECT id FROM bench_plain WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
SELECT id FROM bench_plain WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
SELECT id FROM bench_plain WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
SELECT id FROM bench_plain WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
SELECT id FROM bench_part WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
SELECT id FROM bench_part WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
SELECT id FROM bench_part WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
SELECT id FROM bench_part WHERE wamid = 'wamid.' || md5('1234567') \g /dev/null
\echo the plain table with an index on (waba_id, charge_at): the three pages
\timing off
CREATE INDEX bench_plain_waba_charge_at ON bench_plain (waba_id, charge_at);
ANALYZE bench_plain;
\timing on
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 0 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1375000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
SELECT * FROM bench_plain WHERE waba_id = 'waba-7' AND charge_at >= 1780272000000 AND charge_at < 1782864000000 AND id > 1500000 ORDER BY id LIMIT 51 \g /dev/null
\timing off
-- The tables stay for EXPLAIN; drop them with: DROP TABLE bench_plain, bench_part CASCADE;
