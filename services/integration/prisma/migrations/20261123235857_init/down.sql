-- DropForeignKey
ALTER TABLE "integration_jobs" DROP CONSTRAINT "integration_jobs_endpoint_id_fkey";

-- DropForeignKey
ALTER TABLE "integration_jobs" DROP CONSTRAINT "integration_jobs_mapping_id_fkey";

-- DropForeignKey
ALTER TABLE "integration_logs" DROP CONSTRAINT "integration_logs_job_id_fkey";

-- DropForeignKey
ALTER TABLE "data_mappings" DROP CONSTRAINT "data_mappings_endpoint_id_fkey";

-- DropForeignKey
ALTER TABLE "transformation_rules" DROP CONSTRAINT "transformation_rules_mapping_id_fkey";

-- DropForeignKey
ALTER TABLE "sync_status" DROP CONSTRAINT "sync_status_endpoint_id_fkey";

-- DropForeignKey
ALTER TABLE "sync_status" DROP CONSTRAINT "sync_status_last_job_id_fkey";

-- DropTable
DROP TABLE "integration_endpoints";

-- DropTable
DROP TABLE "integration_jobs";

-- DropTable
DROP TABLE "integration_logs";

-- DropTable
DROP TABLE "data_mappings";

-- DropTable
DROP TABLE "transformation_rules";

-- DropTable
DROP TABLE "sync_status";

-- DropEnum
DROP TYPE "EndpointType";

-- DropEnum
DROP TYPE "IntegrationProtocol";

-- DropEnum
DROP TYPE "EndpointAuthType";

-- DropEnum
DROP TYPE "SyncDirection";

-- DropEnum
DROP TYPE "JobStatus";

-- DropEnum
DROP TYPE "LogLevel";

-- DropEnum
DROP TYPE "SyncState";

-- DropEnum
DROP TYPE "TransformType";
