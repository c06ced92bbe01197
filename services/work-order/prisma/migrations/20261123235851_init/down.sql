-- DropForeignKey
ALTER TABLE "WorkOrder" DROP CONSTRAINT "WorkOrder_parentWorkOrderId_fkey";

-- DropForeignKey
ALTER TABLE "WorkOrderOperation" DROP CONSTRAINT "WorkOrderOperation_workOrderId_fkey";

-- DropForeignKey
ALTER TABLE "WorkOrderOperation" DROP CONSTRAINT "WorkOrderOperation_workInstructionId_fkey";

-- DropForeignKey
ALTER TABLE "WorkOrderMaterial" DROP CONSTRAINT "WorkOrderMaterial_workOrderId_fkey";

-- DropForeignKey
ALTER TABLE "WorkOrderMaterial" DROP CONSTRAINT "WorkOrderMaterial_operationId_fkey";

-- DropForeignKey
ALTER TABLE "WorkOrderTool" DROP CONSTRAINT "WorkOrderTool_workOrderId_fkey";

-- DropForeignKey
ALTER TABLE "WorkOrderTool" DROP CONSTRAINT "WorkOrderTool_operationId_fkey";

-- DropForeignKey
ALTER TABLE "WorkOrderPersonnel" DROP CONSTRAINT "WorkOrderPersonnel_workOrderId_fkey";

-- DropForeignKey
ALTER TABLE "ProductionVariance" DROP CONSTRAINT "ProductionVariance_workOrderId_fkey";

-- DropForeignKey
ALTER TABLE "ProductionVariance" DROP CONSTRAINT "ProductionVariance_operationId_fkey";

-- DropForeignKey
ALTER TABLE "OperationCompletion" DROP CONSTRAINT "OperationCompletion_workOrderId_fkey";

-- DropForeignKey
ALTER TABLE "OperationCompletion" DROP CONSTRAINT "OperationCompletion_operationId_fkey";

-- DropTable
DROP TABLE "WorkOrder";

-- DropTable
DROP TABLE "WorkOrderOperation";

-- DropTable
DROP TABLE "WorkOrderMaterial";

-- DropTable
DROP TABLE "WorkOrderTool";

-- DropTable
DROP TABLE "WorkOrderPersonnel";

-- DropTable
DROP TABLE "ProductionVariance";

-- DropTable
DROP TABLE "OperationCompletion";

-- DropTable
DROP TABLE "WorkInstruction";

-- DropEnum
DROP TYPE "WorkOrderType";

-- DropEnum
DROP TYPE "WorkOrderStatus";

-- DropEnum
DROP TYPE "WorkOrderPriority";

-- DropEnum
DROP TYPE "OperationStatus";

-- DropEnum
DROP TYPE "MaterialRequirementStatus";

-- DropEnum
DROP TYPE "ToolAssignmentStatus";

-- DropEnum
DROP TYPE "PersonnelAssignmentRole";

-- DropEnum
DROP TYPE "VarianceType";

-- DropEnum
DROP TYPE "InstructionFormat";
