-- descriptions.sql - comments on the tables of the schemas ($1) (attnum 0) and on their
-- columns (attnum > 0)
SELECT d.objoid AS table_oid,
       d.objsubid AS attnum,
       d.description AS description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_class c ON c.oid = d.objoid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::pg_catalog.text[])
