-- AlterTable
ALTER TABLE "K" ADD CONSTRAINT "K_pkey" PRIMARY KEY ("code");

-- DropIndex
DROP INDEX "K_code_key";

