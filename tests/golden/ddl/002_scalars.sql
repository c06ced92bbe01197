-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "AllScalars" (
    "id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "flag" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,
    "big" BIGINT NOT NULL,
    "ratio" DOUBLE PRECISION NOT NULL,
    "money" DECIMAL(65,30) NOT NULL,
    "happened" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "blob" BYTEA NOT NULL,

    CONSTRAINT "AllScalars_pkey" PRIMARY KEY ("id")
);

