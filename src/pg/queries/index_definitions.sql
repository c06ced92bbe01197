-- index_definitions.sql - pg_get_indexdef() of the indexes ($1, oids) mesdb cannot express
SELECT x.oid AS oid,
       pg_catalog.pg_get_indexdef(x.oid) AS definition
FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS x(oid)
