-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Geo" (
    "id" INTEGER NOT NULL,
    "area" circle,
    "search" tsvector,
    "pts" point[],
    "ranges" int4range,

    CONSTRAINT "Geo_pkey" PRIMARY KEY ("id")
);

