-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Times" (
    "id" INTEGER NOT NULL,
    "ts" TIMESTAMP NOT NULL,
    "ts0" TIMESTAMP(0) NOT NULL,
    "ts6" TIMESTAMP(6) NOT NULL,
    "tz" TIMESTAMPTZ NOT NULL,
    "tz3" TIMESTAMPTZ(3) NOT NULL,
    "d" DATE NOT NULL,
    "t" TIME,
    "t3" TIME(3),
    "ttz" TIMETZ,
    "ttz6" TIMETZ(6),

    CONSTRAINT "Times_pkey" PRIMARY KEY ("id")
);

