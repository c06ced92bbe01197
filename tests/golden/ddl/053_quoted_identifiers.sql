-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "table" (
    "select" INTEGER NOT NULL,
    "order by" TEXT NOT NULL,
    "with space" INTEGER NOT NULL,

    CONSTRAINT "table_pkey" PRIMARY KEY ("select")
);

