-- indexes.sql - indexes of the tables of the schemas ($1): one row per key column, in order.
-- attnum 0 is an expression; opclass is NULL when it is the type's default one, whose name
-- is then default_opclass (to match a schema that names it); collation
-- is compared with the column's (columns.sql) by the reader.
-- pg_get_indexdef() is costly: index_definitions.sql fetches it for the indexes that need it.
SELECT i.indrelid AS table_oid,
       i.indexrelid AS oid,
       ic.relname AS name,
       i.indisprimary AS is_primary,
       i.indisunique AS is_unique,
       am.amname AS method,
       con.contype AS contype,
       (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL
        OR i.indnatts <> i.indnkeyatts) AS complex,
       u.ord AS ord,
       u.attnum AS attnum,
       u.opt AS options,
       CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname END AS opclass,
       CASE WHEN opc.opcdefault THEN opc.opcname END AS default_opclass,
       u.coll AS collation
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
LEFT JOIN pg_catalog.pg_constraint con
       ON con.conindid = i.indexrelid
      AND con.conrelid = i.indrelid
      AND con.contype IN ('p', 'u', 'x')
CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(i.indkey::pg_catalog.int2[]),
                              pg_catalog.unnest(i.indoption::pg_catalog.int2[]),
                              pg_catalog.unnest(i.indclass::pg_catalog.oid[]),
                              pg_catalog.unnest(i.indcollation::pg_catalog.oid[]))
     WITH ORDINALITY AS u(attnum, opt, opclass, coll, ord)
LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = u.opclass
WHERE tc.relkind IN ('r', 'p')
  AND NOT tc.relispartition
  AND n.nspname = ANY ($1::pg_catalog.text[])
  AND u.ord <= i.indnkeyatts
ORDER BY i.indrelid, ic.relname, u.ord
