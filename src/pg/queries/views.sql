-- views.sql - views and materialized views of the schemas ($1) with their definitions
SELECT c.oid::pg_catalog.int8 AS oid,
       c.relnamespace::pg_catalog.int8 AS nsp_oid,
       c.relname AS name,
       c.relkind AS kind,
       pg_catalog.pg_get_viewdef(c.oid) AS definition
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY ($1::pg_catalog.text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND x.objid = c.oid AND x.deptype = 'e')
ORDER BY pg_catalog.array_position($1::pg_catalog.text[], n.nspname::pg_catalog.text),
         c.relname
