-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Color" AS ENUM ('RED', 'GREEN');

-- CreateTable
CREATE TABLE "L" (
    "id" INTEGER NOT NULL,
    "names" TEXT[] DEFAULT ARRAY['a', 'b''s']::TEXT[],
    "nums" INTEGER[] DEFAULT ARRAY[1, 2, 3]::INTEGER[],
    "none" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "floats" DOUBLE PRECISION[] DEFAULT ARRAY[1.5, 2]::DOUBLE PRECISION[],
    "flags" BOOLEAN[] DEFAULT ARRAY[true, false]::BOOLEAN[],
    "colors" "Color"[] DEFAULT ARRAY['RED']::"Color"[],
    "bigs" BIGINT[] DEFAULT ARRAY[1]::BIGINT[],
    "decs" DECIMAL(65,30)[] DEFAULT ARRAY[1.25]::DECIMAL(65,30)[],

    CONSTRAINT "L_pkey" PRIMARY KEY ("id")
);

