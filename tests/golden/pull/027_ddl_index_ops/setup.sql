-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Ops" (
    "id" INTEGER NOT NULL,
    "doc" JSONB NOT NULL,
    "doc2" JSONB NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "Ops_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Ops_doc_idx" ON "Ops" USING GIN ("doc" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Ops_doc2_idx" ON "Ops" USING GIN ("doc2" jsonb_ops);

-- CreateIndex
CREATE INDEX "Ops_name_idx" ON "Ops"("name" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Ops_n_idx" ON "Ops" USING BRIN ("n" int4_minmax_ops);

-- CreateIndex
CREATE INDEX "Ops_title_idx" ON "Ops" USING SPGIST ("title" text_ops);

