-- DropForeignKey
ALTER TABLE "Equipment" DROP CONSTRAINT "Equipment_equipmentClassId_fkey";

-- DropForeignKey
ALTER TABLE "Equipment" DROP CONSTRAINT "Equipment_parentId_fkey";

-- DropForeignKey
ALTER TABLE "EquipmentCapability" DROP CONSTRAINT "EquipmentCapability_equipmentId_fkey";

-- DropForeignKey
ALTER TABLE "MaintenanceRecord" DROP CONSTRAINT "MaintenanceRecord_equipmentId_fkey";

-- DropForeignKey
ALTER TABLE "MaintenanceRecord" DROP CONSTRAINT "MaintenanceRecord_technicianId_fkey";

-- DropForeignKey
ALTER TABLE "Personnel" DROP CONSTRAINT "Personnel_personnelClassId_fkey";

-- DropForeignKey
ALTER TABLE "Personnel" DROP CONSTRAINT "Personnel_shiftId_fkey";

-- DropForeignKey
ALTER TABLE "Tool" DROP CONSTRAINT "Tool_toolTypeId_fkey";

-- DropForeignKey
ALTER TABLE "ToolUsageHistory" DROP CONSTRAINT "ToolUsageHistory_toolId_fkey";

-- DropForeignKey
ALTER TABLE "ToolUsageHistory" DROP CONSTRAINT "ToolUsageHistory_equipmentId_fkey";

-- DropForeignKey
ALTER TABLE "ToolUsageHistory" DROP CONSTRAINT "ToolUsageHistory_personnelId_fkey";

-- DropForeignKey
ALTER TABLE "PartBOM" DROP CONSTRAINT "PartBOM_parentPartId_fkey";

-- DropForeignKey
ALTER TABLE "PartBOM" DROP CONSTRAINT "PartBOM_componentPartId_fkey";

-- DropForeignKey
ALTER TABLE "Routing" DROP CONSTRAINT "Routing_partId_fkey";

-- DropForeignKey
ALTER TABLE "RoutingOperation" DROP CONSTRAINT "RoutingOperation_routingId_fkey";

-- DropForeignKey
ALTER TABLE "RoutingOperation" DROP CONSTRAINT "RoutingOperation_equipmentClassId_fkey";

-- DropForeignKey
ALTER TABLE "OperationParameter" DROP CONSTRAINT "OperationParameter_routingOperationId_fkey";

-- DropForeignKey
ALTER TABLE "OperationToolRequirement" DROP CONSTRAINT "OperationToolRequirement_routingOperationId_fkey";

-- DropForeignKey
ALTER TABLE "OperationToolRequirement" DROP CONSTRAINT "OperationToolRequirement_toolTypeId_fkey";

-- DropForeignKey
ALTER TABLE "OperationPersonnelRequirement" DROP CONSTRAINT "OperationPersonnelRequirement_routingOperationId_fkey";

-- DropForeignKey
ALTER TABLE "OperationPersonnelRequirement" DROP CONSTRAINT "OperationPersonnelRequirement_personnelClassId_fkey";

-- DropForeignKey
ALTER TABLE "OperationPersonnelRequirement" DROP CONSTRAINT "OperationPersonnelRequirement_qualificationId_fkey";

-- DropForeignKey
ALTER TABLE "_PersonnelToPersonnelQualification" DROP CONSTRAINT "_PersonnelToPersonnelQualification_A_fkey";

-- DropForeignKey
ALTER TABLE "_PersonnelToPersonnelQualification" DROP CONSTRAINT "_PersonnelToPersonnelQualification_B_fkey";

-- DropTable
DROP TABLE "EquipmentClass";

-- DropTable
DROP TABLE "Equipment";

-- DropTable
DROP TABLE "EquipmentCapability";

-- DropTable
DROP TABLE "MaintenanceRecord";

-- DropTable
DROP TABLE "PersonnelClass";

-- DropTable
DROP TABLE "Personnel";

-- DropTable
DROP TABLE "PersonnelQualification";

-- DropTable
DROP TABLE "Shift";

-- DropTable
DROP TABLE "ToolType";

-- DropTable
DROP TABLE "Tool";

-- DropTable
DROP TABLE "ToolUsageHistory";

-- DropTable
DROP TABLE "Part";

-- DropTable
DROP TABLE "PartBOM";

-- DropTable
DROP TABLE "Routing";

-- DropTable
DROP TABLE "RoutingOperation";

-- DropTable
DROP TABLE "OperationParameter";

-- DropTable
DROP TABLE "OperationToolRequirement";

-- DropTable
DROP TABLE "OperationPersonnelRequirement";

-- DropTable
DROP TABLE "_PersonnelToPersonnelQualification";

-- DropEnum
DROP TYPE "EquipmentLevel";

-- DropEnum
DROP TYPE "EquipmentState";

-- DropEnum
DROP TYPE "MaintenanceType";

-- DropEnum
DROP TYPE "MaintenanceStatus";

-- DropEnum
DROP TYPE "PersonnelStatus";

-- DropEnum
DROP TYPE "QualificationType";

-- DropEnum
DROP TYPE "ToolStatus";

-- DropEnum
DROP TYPE "PartType";

-- DropEnum
DROP TYPE "PartLifecycle";

-- DropEnum
DROP TYPE "RoutingStatus";

-- DropEnum
DROP TYPE "ParameterDataType";
