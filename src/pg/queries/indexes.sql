-- indexes.sql - indexes of the tables of the schemas ($1), one row per index, in no
-- particular order. The per-column vectors come as text ("1 2"): key columns first
-- (nkeys of them; attnum 0 is an expression), then INCLUDE columns. Operator classes
-- are named by opclasses.sql, access methods by their fixed oids. The constraint is
-- found by conindid (a hash join: one index probe per index costs twice as much).
-- pg_get_indexdef() is costly: index_definitions.sql fetches it for the indexes that need it.
SELECT i.indrelid::pg_catalog.int8 AS table_oid,
       i.indexrelid::pg_catalog.int8 AS oid,
       ic.relname AS name,
       i.indisprimary AS is_primary,
       i.indisunique AS is_unique,
       ic.relam::pg_catalog.int8 AS am_oid,
       con.contype AS contype,
       (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL
        OR i.indnatts <> i.indnkeyatts) AS complex,
       i.indnkeyatts AS nkeys,
       i.indkey::pg_catalog.text AS attnums,
       i.indoption::pg_catalog.text AS options,
       i.indclass::pg_catalog.text AS opclasses,
       i.indcollation::pg_catalog.text AS collations
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace
LEFT JOIN pg_catalog.pg_constraint con
       ON con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')
WHERE tc.relkind IN ('r', 'p')
  AND NOT tc.relispartition
  AND n.nspname = ANY ($1::pg_catalog.text[])
