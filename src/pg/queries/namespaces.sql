-- namespaces.sql - the requested schemas ($1) that exist, in the order requested
SELECT n.oid AS oid,
       n.nspname AS name
FROM pg_catalog.pg_namespace n
WHERE n.nspname = ANY ($1::pg_catalog.text[])
ORDER BY pg_catalog.array_position($1::pg_catalog.text[], n.nspname::pg_catalog.text)
