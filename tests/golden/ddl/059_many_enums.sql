-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Zed" AS ENUM ('Z');

-- CreateEnum
CREATE TYPE "Alpha" AS ENUM ('A', 'B');

-- CreateEnum
CREATE TYPE "Mid" AS ENUM ('m-1', 'm.2');

-- CreateTable
CREATE TABLE "E" (
    "id" INTEGER NOT NULL,
    "z" "Zed" NOT NULL,
    "a" "Alpha" NOT NULL,
    "m" "Mid" NOT NULL DEFAULT 'm.2',

    CONSTRAINT "E_pkey" PRIMARY KEY ("id")
);

