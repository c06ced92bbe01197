-- sequences.sql - sequences of the schemas ($1) with the column that owns them
-- (OWNED BY, deptype 'a', or an identity column's, deptype 'i')
SELECT s.oid AS oid,
       s.relnamespace::pg_catalog.int8 AS nsp_oid,
       s.relname AS name,
       dep.refobjid::pg_catalog.int8 AS owner_table_oid,
       dep.refobjsubid AS owner_attnum
FROM pg_catalog.pg_class s
JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
LEFT JOIN pg_catalog.pg_depend dep
       ON dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND dep.objid = s.oid
      AND dep.objsubid = 0
      AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND dep.deptype IN ('a', 'i')
WHERE s.relkind = 'S'
  AND n.nspname = ANY ($1::pg_catalog.text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND x.objid = s.oid AND x.deptype = 'e')
ORDER BY pg_catalog.array_position($1::pg_catalog.text[], n.nspname::pg_catalog.text),
         s.relname
