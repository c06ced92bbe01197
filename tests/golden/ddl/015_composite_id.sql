-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Pair" (
    "left" INTEGER NOT NULL,
    "right" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "Pair_pkey" PRIMARY KEY ("left","right")
);

-- CreateTable
CREATE TABLE "Named" (
    "a" INTEGER NOT NULL,
    "b" INTEGER NOT NULL,

    CONSTRAINT "named_primary" PRIMARY KEY ("a","b")
);

-- CreateTable
CREATE TABLE "Sorted" (
    "x" INTEGER NOT NULL,
    "y" INTEGER NOT NULL,

    CONSTRAINT "Sorted_pkey" PRIMARY KEY ("y","x")
);

