-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('USER', 'admin', 'SUPER_ADMIN');

-- CreateEnum
CREATE TYPE "Status" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateTable
CREATE TABLE "Account" (
    "id" INTEGER NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'admin',
    "status" "Status" NOT NULL DEFAULT 'ACTIVE',
    "prev" "Status",
    "roles" "user_role"[] DEFAULT ARRAY['USER', 'admin']::"user_role"[],
    "flags" "Status"[],

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

