-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "nano" TEXT NOT NULL,
    "v7" TEXT NOT NULL,
    "short" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "touched" TIMESTAMP(3),

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

