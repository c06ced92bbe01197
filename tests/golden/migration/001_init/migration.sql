-- CreateEnum
CREATE TYPE "Role" AS ENUM ('A', 'B', 'C');

-- CreateTable
CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "old" TEXT,
    "email" TEXT,
    "role" "Role" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gone" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Gone_pkey" PRIMARY KEY ("id")
);
