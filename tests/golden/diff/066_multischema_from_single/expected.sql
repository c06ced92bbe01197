-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "app";

-- DropTable
DROP TABLE "User";

-- CreateTable
CREATE TABLE "app"."User" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

