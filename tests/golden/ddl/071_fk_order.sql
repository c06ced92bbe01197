-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Hub" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Hub_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "First" (
    "id" INTEGER NOT NULL,
    "hubId" INTEGER NOT NULL,

    CONSTRAINT "First_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Second" (
    "id" INTEGER NOT NULL,
    "hubId" INTEGER NOT NULL,

    CONSTRAINT "Second_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "First" ADD CONSTRAINT "First_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "Hub"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Second" ADD CONSTRAINT "Second_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "Hub"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

