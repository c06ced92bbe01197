-- DropForeignKey
ALTER TABLE "B" DROP CONSTRAINT "B_aId_fkey";

-- CreateIndex
CREATE INDEX "B_aId_idx" ON "B"("aId");

