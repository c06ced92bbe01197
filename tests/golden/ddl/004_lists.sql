-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Lists" (
    "id" INTEGER NOT NULL,
    "names" TEXT[],
    "counts" INTEGER[],
    "bigs" BIGINT[],
    "ratios" DOUBLE PRECISION[],
    "moneys" DECIMAL(65,30)[],
    "flags" BOOLEAN[],
    "times" TIMESTAMP(3)[],
    "docs" JSONB[],
    "blobs" BYTEA[],
    "codes" VARCHAR(10)[],

    CONSTRAINT "Lists_pkey" PRIMARY KEY ("id")
);

