-- DropIndex
DROP INDEX "S_a_idx";

-- CreateIndex
CREATE INDEX "S_a_idx" ON "S" USING HASH ("a");

