CREATE TABLE t (
  id INTEGER PRIMARY KEY,
  a_text TEXT NOT NULL, a_varchar VARCHAR, a_varchar_n VARCHAR(255), a_char CHAR(10), a_bpchar CHAR,
  a_smallint SMALLINT, a_int INTEGER, a_bigint BIGINT NOT NULL, a_real REAL, a_double DOUBLE PRECISION,
  a_numeric NUMERIC, a_numeric_ps NUMERIC(10,2), a_numeric_default NUMERIC(65,30), a_money MONEY,
  a_bool BOOLEAN, a_ts TIMESTAMP, a_ts3 TIMESTAMP(3), a_ts6 TIMESTAMP(6), a_tstz TIMESTAMPTZ, a_tstz3 TIMESTAMPTZ(3),
  a_date DATE, a_time TIME, a_time3 TIME(3), a_timetz TIMETZ, a_json JSON, a_jsonb JSONB, a_bytea BYTEA, a_uuid UUID,
  a_xml XML, a_inet INET, a_oid OID, a_bit BIT, a_bit8 BIT(8), a_varbit VARBIT, a_varbit8 VARBIT(8)
);
