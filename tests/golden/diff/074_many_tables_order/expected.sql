-- AlterTable
ALTER TABLE "Zed" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "Mid" ADD COLUMN     "note" TEXT;

-- DropTable
DROP TABLE "Alpha";

-- CreateTable
CREATE TABLE "Beta" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Beta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Aaa" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Aaa_pkey" PRIMARY KEY ("id")
);

