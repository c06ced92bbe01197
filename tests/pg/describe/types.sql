-- types.sql - Prisma 6.19's SQL for types.prisma (migrate diff --from-empty --script);
-- db push of the same schema gives a database that describes identically
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "citext";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pgcrypto";

-- CreateEnum
CREATE TYPE "level" AS ENUM ('LOW', 'MEDIUM', 'high');

-- CreateTable
CREATE TABLE "all_types" (
    "id" BIGSERIAL NOT NULL,
    "small" SMALLSERIAL NOT NULL,
    "str" TEXT NOT NULL DEFAULT 'it''s "quoted"',
    "empty" TEXT NOT NULL DEFAULT '',
    "vc" VARCHAR(100) NOT NULL,
    "vcn" VARCHAR,
    "ch" CHAR(10),
    "txt" TEXT,
    "ci" CITEXT,
    "uuid" UUID NOT NULL DEFAULT gen_random_uuid(),
    "int" INTEGER NOT NULL DEFAULT -42,
    "intp" INTEGER NOT NULL DEFAULT 7,
    "big" BIGINT NOT NULL DEFAULT 9007199254740993,
    "flt" DOUBLE PRECISION NOT NULL DEFAULT 1.25,
    "fltn" DOUBLE PRECISION NOT NULL DEFAULT -0.5,
    "real" REAL,
    "dec" DECIMAL(65,30) NOT NULL DEFAULT 12.50,
    "dec2" DECIMAL(10,2) NOT NULL DEFAULT -3,
    "money" MONEY,
    "flag" BOOLEAN NOT NULL DEFAULT true,
    "flag2" BOOLEAN NOT NULL DEFAULT false,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdTz" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fixed" TIMESTAMP(3) NOT NULL DEFAULT '2024-01-02 03:04:05.678 +00:00',
    "day" DATE,
    "tm" TIME(2),
    "tmtz" TIMETZ,
    "ts0" TIMESTAMP(0),
    "js" JSONB NOT NULL DEFAULT '{"a": [1, 2]}',
    "jsn" JSON,
    "bytes" BYTEA,
    "xml" XML,
    "inet" INET,
    "bit" BIT(4),
    "vbit" VARBIT(8),
    "oid" OID,
    "level" "level" NOT NULL DEFAULT 'high',
    "levels" "level"[] DEFAULT ARRAY['LOW', 'high']::"level"[],
    "tags" TEXT[] DEFAULT ARRAY['a', 'b c', 'it''s']::TEXT[],
    "nums" INTEGER[] DEFAULT ARRAY[1, -2, 3]::INTEGER[],
    "noTags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "floats" DOUBLE PRECISION[],
    "decs" DECIMAL(8,3)[],
    "expr" INTEGER NOT NULL DEFAULT (1 + 2),
    "unsup" circle,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "cuid" TEXT NOT NULL,
    "uuid4" TEXT NOT NULL,

    CONSTRAINT "all_types_pkey" PRIMARY KEY ("id")
);

