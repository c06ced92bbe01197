-- opclasses.sql - every operator class: name, and whether it is its type's default
SELECT o.oid::pg_catalog.int8 AS oid,
       o.opcname AS name,
       o.opcdefault AS is_default
FROM pg_catalog.pg_opclass o
