-- relations.sql - Prisma 6.19's SQL for relations.prisma (migrate diff --from-empty --script);
-- db push of the same schema gives a database that describes identically
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Tenant" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plants" (
    "tenantId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "plants_pkey" PRIMARY KEY ("tenantId","code")
);

-- CreateTable
CREATE TABLE "Line" (
    "id" UUID NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "plant_code" TEXT NOT NULL,
    "parentId" UUID,
    "spec" JSONB,
    "label" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Profile" (
    "lineId" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT 'none',

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("lineId")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" SERIAL NOT NULL,
    "tenantId" INTEGER,
    "aVeryLongFieldNameThatGoesOnAndOnAndOnForeverAndEver" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" SERIAL NOT NULL,
    "sku" VARCHAR(32) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_OrderToProduct" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_OrderToProduct_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_code_uq" ON "Tenant"("code");

-- CreateIndex
CREATE INDEX "Line_position_label_idx" ON "Line"("position" DESC, "label");

-- CreateIndex
CREATE INDEX "Line_spec_idx" ON "Line" USING GIN ("spec" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "line_label_hash" ON "Line" USING HASH ("label");

-- CreateIndex
CREATE INDEX "Line_position_idx" ON "Line" USING BRIN ("position");

-- CreateIndex
CREATE UNIQUE INDEX "line_plant_uq" ON "Line"("plant_code", "tenant_id");

-- CreateIndex
CREATE INDEX "Order_tenantId_aVeryLongFieldNameThatGoesOnAndOnAndOnForeve_idx" ON "Order"("tenantId", "aVeryLongFieldNameThatGoesOnAndOnAndOnForeverAndEver");

-- CreateIndex
CREATE UNIQUE INDEX "Product_sku_key" ON "Product"("sku");

-- CreateIndex
CREATE INDEX "_OrderToProduct_B_index" ON "_OrderToProduct"("B");

-- AddForeignKey
ALTER TABLE "plants" ADD CONSTRAINT "plants_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Line" ADD CONSTRAINT "Line_tenant_id_plant_code_fkey" FOREIGN KEY ("tenant_id", "plant_code") REFERENCES "plants"("tenantId", "code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Line" ADD CONSTRAINT "Line_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Line"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE SET DEFAULT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OrderToProduct" ADD CONSTRAINT "_OrderToProduct_A_fkey" FOREIGN KEY ("A") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OrderToProduct" ADD CONSTRAINT "_OrderToProduct_B_fkey" FOREIGN KEY ("B") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

