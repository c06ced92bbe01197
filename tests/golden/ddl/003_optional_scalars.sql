-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Opt" (
    "id" INTEGER NOT NULL,
    "text" TEXT,
    "flag" BOOLEAN,
    "count" INTEGER,
    "big" BIGINT,
    "ratio" DOUBLE PRECISION,
    "money" DECIMAL(65,30),
    "happened" TIMESTAMP(3),
    "payload" JSONB,
    "blob" BYTEA,

    CONSTRAINT "Opt_pkey" PRIMARY KEY ("id")
);

