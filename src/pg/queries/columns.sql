-- columns.sql - columns of the tables of the schemas ($1), in no particular order (the
-- reader groups them by table and sorts them by attnum). Types are read by oid: the
-- reader knows the built-in ones, types.sql describes the types made in the database
-- (with their text when they take no modifier); type_text is format_type() for the
-- others: built-in types the reader does not know (not in $2, the oids it knows), and
-- types of the database with a modifier (geometry(Point,4326)). Oids travel as int8: printing an oid costs a
-- snprintf, an int8 a few instructions.
SELECT a.attrelid::pg_catalog.int8 AS table_oid,
       a.attnum AS attnum,
       a.attname AS name,
       a.attnotnull AS notnull,
       a.attidentity AS identity,
       a.attgenerated AS generated,
       a.atttypid::pg_catalog.int8 AS type_oid,
       a.atttypmod AS typmod,
       a.attcollation::pg_catalog.int8 AS collation,
       CASE WHEN a.atttypid >= 16384 THEN
                 CASE WHEN a.atttypmod >= 0
                      THEN pg_catalog.format_type(a.atttypid, a.atttypmod) END
            WHEN a.atttypid <> ALL ($2::pg_catalog.oid[])
            THEN pg_catalog.format_type(a.atttypid, a.atttypmod) END AS type_text,
       -- relid 0 spares a relation open per call (5x faster); only generated columns
       -- refer to other columns and need the relation
       pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0
                                             ELSE ad.adrelid END) AS default_expr
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY ($1::pg_catalog.text[])
  AND a.attnum > 0
  AND NOT a.attisdropped
