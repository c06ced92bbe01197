-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Docs" (
    "id" INTEGER NOT NULL,
    "j" JSON NOT NULL,
    "jb" JSONB NOT NULL,
    "raw" BYTEA NOT NULL,
    "jl" JSON[],

    CONSTRAINT "Docs_pkey" PRIMARY KEY ("id")
);

