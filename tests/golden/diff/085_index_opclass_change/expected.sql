-- DropIndex
DROP INDEX "T_doc_idx";

-- CreateIndex
CREATE INDEX "T_doc_idx" ON "T" USING GIN ("doc" jsonb_path_ops);

