-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Nums" (
    "id" INTEGER NOT NULL,
    "s" SMALLINT NOT NULL,
    "i" INTEGER NOT NULL,
    "o" OID,
    "b" BIGINT NOT NULL,
    "d" DECIMAL(12,2) NOT NULL,
    "d2" DECIMAL(5,0),
    "dn" DECIMAL,
    "r" REAL NOT NULL,
    "dp" DOUBLE PRECISION NOT NULL,
    "m" MONEY,

    CONSTRAINT "Nums_pkey" PRIMARY KEY ("id")
);

