-- DropIndex
DROP INDEX "Event_kind_idx";

-- CreateIndex
CREATE INDEX "Event_kind_at_idx" ON "Event"("kind", "at");

