-- DropForeignKey
ALTER TABLE "report_parameters" DROP CONSTRAINT "report_parameters_report_id_fkey";

-- DropForeignKey
ALTER TABLE "report_schedules" DROP CONSTRAINT "report_schedules_report_id_fkey";

-- DropForeignKey
ALTER TABLE "report_executions" DROP CONSTRAINT "report_executions_report_id_fkey";

-- DropForeignKey
ALTER TABLE "report_executions" DROP CONSTRAINT "report_executions_schedule_id_fkey";

-- DropForeignKey
ALTER TABLE "dashboard_widgets" DROP CONSTRAINT "dashboard_widgets_dashboard_id_fkey";

-- DropForeignKey
ALTER TABLE "dashboard_widgets" DROP CONSTRAINT "dashboard_widgets_kpi_id_fkey";

-- DropForeignKey
ALTER TABLE "dashboard_widgets" DROP CONSTRAINT "dashboard_widgets_report_id_fkey";

-- DropForeignKey
ALTER TABLE "alerts" DROP CONSTRAINT "alerts_kpi_id_fkey";

-- DropForeignKey
ALTER TABLE "_DashboardToKPI" DROP CONSTRAINT "_DashboardToKPI_A_fkey";

-- DropForeignKey
ALTER TABLE "_DashboardToKPI" DROP CONSTRAINT "_DashboardToKPI_B_fkey";

-- DropTable
DROP TABLE "reports";

-- DropTable
DROP TABLE "report_parameters";

-- DropTable
DROP TABLE "report_schedules";

-- DropTable
DROP TABLE "report_executions";

-- DropTable
DROP TABLE "kpis";

-- DropTable
DROP TABLE "dashboards";

-- DropTable
DROP TABLE "dashboard_widgets";

-- DropTable
DROP TABLE "alerts";

-- DropTable
DROP TABLE "_DashboardToKPI";

-- DropEnum
DROP TYPE "ReportType";

-- DropEnum
DROP TYPE "ReportFormat";

-- DropEnum
DROP TYPE "ScheduleFrequency";

-- DropEnum
DROP TYPE "ExecutionStatus";

-- DropEnum
DROP TYPE "ParameterDataType";

-- DropEnum
DROP TYPE "WidgetType";

-- DropEnum
DROP TYPE "KPICategory";

-- DropEnum
DROP TYPE "AlertSeverity";

-- DropEnum
DROP TYPE "AlertStatus";
