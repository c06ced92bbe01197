-- AlterTable
ALTER TABLE "A" ADD COLUMN     "extra" TEXT;

-- CreateTable
CREATE TABLE "Hidden" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Hidden_pkey" PRIMARY KEY ("id")
);

