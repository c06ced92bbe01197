-- DropForeignKey
ALTER TABLE "material_lots" DROP CONSTRAINT "material_lots_material_id_fkey";

-- DropForeignKey
ALTER TABLE "material_lots" DROP CONSTRAINT "material_lots_parent_lot_id_fkey";

-- DropForeignKey
ALTER TABLE "material_transactions" DROP CONSTRAINT "material_transactions_material_id_fkey";

-- DropForeignKey
ALTER TABLE "material_transactions" DROP CONSTRAINT "material_transactions_lot_id_fkey";

-- DropForeignKey
ALTER TABLE "material_transactions" DROP CONSTRAINT "material_transactions_reservation_id_fkey";

-- DropForeignKey
ALTER TABLE "material_reservations" DROP CONSTRAINT "material_reservations_material_id_fkey";

-- DropForeignKey
ALTER TABLE "material_reservations" DROP CONSTRAINT "material_reservations_lot_id_fkey";

-- DropForeignKey
ALTER TABLE "inventory" DROP CONSTRAINT "inventory_material_id_fkey";

-- DropForeignKey
ALTER TABLE "inventory" DROP CONSTRAINT "inventory_lot_id_fkey";

-- DropForeignKey
ALTER TABLE "stock_levels" DROP CONSTRAINT "stock_levels_material_id_fkey";

-- DropTable
DROP TABLE "materials";

-- DropTable
DROP TABLE "material_lots";

-- DropTable
DROP TABLE "material_transactions";

-- DropTable
DROP TABLE "material_reservations";

-- DropTable
DROP TABLE "inventory";

-- DropTable
DROP TABLE "stock_levels";

-- DropEnum
DROP TYPE "material_type";

-- DropEnum
DROP TYPE "lot_status";

-- DropEnum
DROP TYPE "material_transaction_type";

-- DropEnum
DROP TYPE "reservation_status";
