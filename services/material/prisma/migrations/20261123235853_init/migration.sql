-- CreateEnum
CREATE TYPE "material_type" AS ENUM ('RAW_MATERIAL', 'COMPONENT', 'SUBASSEMBLY', 'FINISHED_GOOD', 'CONSUMABLE', 'PACKAGING');

-- CreateEnum
CREATE TYPE "lot_status" AS ENUM ('QUARANTINE', 'AVAILABLE', 'ON_HOLD', 'RESERVED', 'CONSUMED', 'EXPIRED', 'SCRAPPED');

-- CreateEnum
CREATE TYPE "material_transaction_type" AS ENUM ('RECEIPT', 'ISSUE', 'RETURN', 'TRANSFER', 'ADJUSTMENT', 'SCRAP', 'SPLIT', 'MERGE', 'CONSUME', 'PRODUCE');

-- CreateEnum
CREATE TYPE "reservation_status" AS ENUM ('ACTIVE', 'PARTIALLY_ISSUED', 'FULFILLED', 'CANCELLED', 'EXPIRED');

-- CreateTable
CREATE TABLE "materials" (
    "id" TEXT NOT NULL,
    "material_number" VARCHAR(64) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "type" "material_type" NOT NULL,
    "part_id" VARCHAR(64),
    "base_uom" VARCHAR(16) NOT NULL DEFAULT 'EA',
    "is_lot_controlled" BOOLEAN NOT NULL DEFAULT true,
    "is_serialized" BOOLEAN NOT NULL DEFAULT false,
    "shelf_life_days" INTEGER,
    "standard_cost" DECIMAL(18,4),
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "hazard_class" VARCHAR(16),
    "specifications" JSONB,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "materials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_lots" (
    "id" TEXT NOT NULL,
    "lot_number" VARCHAR(64) NOT NULL,
    "material_id" TEXT NOT NULL,
    "parent_lot_id" TEXT,
    "status" "lot_status" NOT NULL DEFAULT 'QUARANTINE',
    "quantity_received" DECIMAL(18,4) NOT NULL,
    "quantity_on_hand" DECIMAL(18,4) NOT NULL,
    "unit_of_measure" VARCHAR(16) NOT NULL,
    "supplier_id" VARCHAR(64),
    "supplier_lot_number" VARCHAR(64),
    "purchase_order_ref" VARCHAR(64),
    "work_order_id" VARCHAR(64),
    "location_code" VARCHAR(32) NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL,
    "manufactured_at" TIMESTAMPTZ(6),
    "expires_at" TIMESTAMPTZ(6),
    "certificate_url" VARCHAR(512),
    "attributes" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "material_lots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_transactions" (
    "id" BIGSERIAL NOT NULL,
    "transaction_number" VARCHAR(32) NOT NULL,
    "type" "material_transaction_type" NOT NULL,
    "material_id" TEXT NOT NULL,
    "lot_id" TEXT,
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_of_measure" VARCHAR(16) NOT NULL,
    "from_location" VARCHAR(32),
    "to_location" VARCHAR(32),
    "work_order_id" VARCHAR(64),
    "reservation_id" TEXT,
    "reference_doc" VARCHAR(64),
    "reason_code" VARCHAR(32),
    "performed_by" VARCHAR(64) NOT NULL,
    "performed_at" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "material_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_reservations" (
    "id" TEXT NOT NULL,
    "reservation_number" VARCHAR(32) NOT NULL,
    "material_id" TEXT NOT NULL,
    "lot_id" TEXT,
    "work_order_id" VARCHAR(64) NOT NULL,
    "work_order_material_id" VARCHAR(64),
    "quantity_reserved" DECIMAL(18,4) NOT NULL,
    "quantity_issued" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "unit_of_measure" VARCHAR(16) NOT NULL,
    "status" "reservation_status" NOT NULL DEFAULT 'ACTIVE',
    "required_by" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "material_reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory" (
    "id" TEXT NOT NULL,
    "material_id" TEXT NOT NULL,
    "lot_id" TEXT NOT NULL,
    "site_code" VARCHAR(32) NOT NULL DEFAULT 'PLANT-01',
    "warehouse_code" VARCHAR(32) NOT NULL,
    "location_code" VARCHAR(32) NOT NULL,
    "quantity_on_hand" DECIMAL(18,4) NOT NULL,
    "quantity_reserved" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "unit_of_measure" VARCHAR(16) NOT NULL,
    "last_counted_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "inventory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_levels" (
    "material_id" TEXT NOT NULL,
    "site_code" VARCHAR(32) NOT NULL,
    "quantity_on_hand" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantity_reserved" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantity_on_order" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "safety_stock" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "reorder_point" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "max_stock" DECIMAL(18,4),
    "unit_of_measure" VARCHAR(16) NOT NULL,
    "last_calculated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "stock_levels_pkey" PRIMARY KEY ("material_id","site_code")
);

-- CreateIndex
CREATE UNIQUE INDEX "materials_material_number_key" ON "materials"("material_number");

-- CreateIndex
CREATE INDEX "materials_type_idx" ON "materials"("type");

-- CreateIndex
CREATE INDEX "materials_part_id_idx" ON "materials"("part_id");

-- CreateIndex
CREATE UNIQUE INDEX "material_lots_lot_number_key" ON "material_lots"("lot_number");

-- CreateIndex
CREATE INDEX "material_lots_material_id_status_idx" ON "material_lots"("material_id", "status");

-- CreateIndex
CREATE INDEX "material_lots_status_idx" ON "material_lots"("status");

-- CreateIndex
CREATE INDEX "material_lots_expires_at_idx" ON "material_lots"("expires_at");

-- CreateIndex
CREATE INDEX "material_lots_parent_lot_id_idx" ON "material_lots"("parent_lot_id");

-- CreateIndex
CREATE INDEX "material_lots_work_order_id_idx" ON "material_lots"("work_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "material_transactions_transaction_number_key" ON "material_transactions"("transaction_number");

-- CreateIndex
CREATE INDEX "material_transactions_material_id_performed_at_idx" ON "material_transactions"("material_id", "performed_at");

-- CreateIndex
CREATE INDEX "material_transactions_lot_id_idx" ON "material_transactions"("lot_id");

-- CreateIndex
CREATE INDEX "material_transactions_work_order_id_idx" ON "material_transactions"("work_order_id");

-- CreateIndex
CREATE INDEX "material_transactions_type_performed_at_idx" ON "material_transactions"("type", "performed_at");

-- CreateIndex
CREATE UNIQUE INDEX "material_reservations_reservation_number_key" ON "material_reservations"("reservation_number");

-- CreateIndex
CREATE INDEX "material_reservations_work_order_id_idx" ON "material_reservations"("work_order_id");

-- CreateIndex
CREATE INDEX "material_reservations_material_id_status_idx" ON "material_reservations"("material_id", "status");

-- CreateIndex
CREATE INDEX "material_reservations_status_required_by_idx" ON "material_reservations"("status", "required_by");

-- CreateIndex
CREATE INDEX "inventory_material_id_idx" ON "inventory"("material_id");

-- CreateIndex
CREATE INDEX "inventory_warehouse_code_location_code_idx" ON "inventory"("warehouse_code", "location_code");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_lot_id_location_code_key" ON "inventory"("lot_id", "location_code");

-- AddForeignKey
ALTER TABLE "material_lots" ADD CONSTRAINT "material_lots_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_lots" ADD CONSTRAINT "material_lots_parent_lot_id_fkey" FOREIGN KEY ("parent_lot_id") REFERENCES "material_lots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_transactions" ADD CONSTRAINT "material_transactions_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_transactions" ADD CONSTRAINT "material_transactions_lot_id_fkey" FOREIGN KEY ("lot_id") REFERENCES "material_lots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_transactions" ADD CONSTRAINT "material_transactions_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "material_reservations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_reservations" ADD CONSTRAINT "material_reservations_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_reservations" ADD CONSTRAINT "material_reservations_lot_id_fkey" FOREIGN KEY ("lot_id") REFERENCES "material_lots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_lot_id_fkey" FOREIGN KEY ("lot_id") REFERENCES "material_lots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE CASCADE ON UPDATE CASCADE;
