-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Strs" (
    "id" INTEGER NOT NULL,
    "v255" VARCHAR(255) NOT NULL,
    "vany" VARCHAR NOT NULL,
    "c1" CHAR(1) NOT NULL,
    "c10" CHAR(10) NOT NULL,
    "cany" CHAR,
    "t" TEXT NOT NULL,
    "u" UUID NOT NULL,
    "x" XML,
    "ip" INET,
    "ci" CITEXT,
    "b8" BIT(8),
    "bany" BIT,
    "vb" VARBIT(16),
    "vbany" VARBIT,

    CONSTRAINT "Strs_pkey" PRIMARY KEY ("id")
);

