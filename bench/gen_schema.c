/* gen_schema.c - writes a large, valid, MES-flavoured Prisma schema for benchmarks */
/*
 * Standalone: only the C library, no mesdb code. Deterministic for a given seed.
 *
 *   gen_schema [--models N] [--enums N] [--fields N] [--relations N] [--seed N]
 *              [-o FILE] [--stats]
 *
 * --fields counts every scalar field (ids and foreign keys included); --relations
 * counts relations (1:n, 1:1, self, implicit m:n). Every identifier stays within
 * 30 (models, enums) or 25 (fields) bytes and every constraint or index name that
 * PostgreSQL will see stays within 60 bytes; longer default names get a `map:`.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rnd_below((unsigned)COUNT(a))])

enum { MODEL_MAX = 30, FIELD_MAX = 25, DBNAME_MAX = 60 };

/* ------------------------------------------------------------------ basics */

static uint64_t rng_state;

static uint64_t rnd64(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static unsigned rnd_below(unsigned n)
{
	return n ? (unsigned)(rnd64() % n) : 0;
}

static int chance(unsigned pct)
{
	return rnd_below(100) < pct;
}

/* u*u for a uniform u in [0,1), as a 32-bit fraction: skewed towards 0 (integer-only, portable) */
static uint64_t rnd_sq32(void)
{
	uint64_t u = rnd64() >> 48;
	return u * u;
}

static void die(const char *msg)
{
	fprintf(stderr, "gen_schema: %s\n", msg);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory");
	return q;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = xrealloc(NULL, n);
	memcpy(d, s, n);
	return d;
}

#define GROW(ptr, n, cap)                                                   \
	do {                                                                \
		if ((n) == (cap)) {                                         \
			(cap) = (cap) ? (cap) * 2 : 16;                     \
			(ptr) = xrealloc((ptr), (cap) * sizeof(*(ptr)));    \
		}                                                           \
	} while (0)

/* snprintf into a fixed buffer; names are cut on purpose where they would not fit */
static int bfmt(char *dst, size_t cap, const char *fmt, ...) PRINTF_LIKE(3, 4);
static int bfmt(char *dst, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(dst, cap, fmt, ap);
	va_end(ap);
	return n < 0 ? 0 : n;
}

static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int to_lower(int c) { return is_upper(c) ? c - 'A' + 'a' : c; }
static int to_upper(int c) { return is_lower(c) ? c - 'a' + 'A' : c; }

/* CamelCase / PascalCase -> snake_case ("APIToken" -> "api_token"). */
static void snake(const char *in, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; in[i] && o + 2 < cap; i++) {
		int c = (unsigned char)in[i];
		if (is_upper(c) && i > 0) {
			int p = (unsigned char)in[i - 1], n = (unsigned char)in[i + 1];
			if (is_lower(p) || is_digit(p) || (is_upper(p) && is_lower(n)))
				out[o++] = '_';
		}
		out[o++] = (char)to_lower(c);
	}
	out[o] = '\0';
}

/* PascalCase -> camelCase, lowering a leading acronym ("NCR" -> "ncr", "QIFPlan" -> "qifPlan"). */
static void lower_first(const char *in, char *out, size_t cap)
{
	size_t n = 0, len = strlen(in);
	while (is_upper((unsigned char)in[n]))
		n++;
	size_t lo = n;
	if (n > 1 && is_lower((unsigned char)in[n]))
		lo = n - 1;
	if (n == 1)
		lo = 1;
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < cap; i++)
		out[o++] = (char)(i < lo ? to_lower((unsigned char)in[i]) : in[i]);
	out[o] = '\0';
}

static void upper_first(const char *in, char *out, size_t cap)
{
	bfmt(out, cap, "%s", in);
	out[0] = (char)to_upper((unsigned char)out[0]);
}

/*
 * camelCase stem of a PascalCase name of at most maxlen bytes: leading words are
 * dropped until it fits ("QualityInspectionPlan12" -> "inspectionPlan12").
 */
static void stem_of(const char *name, size_t maxlen, char *out, size_t cap)
{
	const char *s = name;
	while (strlen(s) > maxlen) {
		const char *p = s + 1;
		while (*p && !(is_upper((unsigned char)*p) && is_lower((unsigned char)p[1])))
			p++;
		if (!*p)
			break;
		s = p;
	}
	char tmp[64];
	bfmt(tmp, sizeof tmp, "%.*s", (int)maxlen, s);
	lower_first(tmp, out, cap);
}

/* naive English plural, keeping a numeric suffix at the end ("lot12" -> "lots12") */
static void plural(const char *in, char *out, size_t cap)
{
	size_t len = strlen(in), d = len;
	while (d > 0 && is_digit((unsigned char)in[d - 1]))
		d--;
	char base[64];
	bfmt(base, sizeof base, "%.*s", (int)d, in);
	const char *digits = in + d;
	size_t b = strlen(base);
	if (b >= 2 && base[b - 1] == 'y' && !strchr("aeiou", base[b - 2])) {
		base[b - 1] = '\0';
		bfmt(out, cap, "%sies%s", base, digits);
	} else if (b >= 1 && (base[b - 1] == 's' || base[b - 1] == 'x' || base[b - 1] == 'z' ||
			      (b >= 2 && base[b - 1] == 'h' && (base[b - 2] == 'c' || base[b - 2] == 's')))) {
		bfmt(out, cap, "%ses%s", base, digits);
	} else {
		bfmt(out, cap, "%ss%s", base, digits);
	}
}

/* ------------------------------------------------------------ string map */

struct strmap {
	char **keys;
	int *vals;
	size_t cap, n;
};

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static int *strmap_slot(struct strmap *m, const char *key, int create)
{
	if (create && (m->n + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 256;
		char **nk = xrealloc(NULL, ncap * sizeof *nk);
		int *nv = xrealloc(NULL, ncap * sizeof *nv);
		memset(nk, 0, ncap * sizeof *nk);
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->keys[i])
				continue;
			size_t j = fnv1a(m->keys[i]) & (ncap - 1);
			while (nk[j])
				j = (j + 1) & (ncap - 1);
			nk[j] = m->keys[i];
			nv[j] = m->vals[i];
		}
		free(m->keys);
		free(m->vals);
		m->keys = nk;
		m->vals = nv;
		m->cap = ncap;
	}
	if (!m->cap)
		return NULL;
	size_t i = fnv1a(key) & (m->cap - 1);
	while (m->keys[i]) {
		if (!strcmp(m->keys[i], key))
			return &m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	if (!create)
		return NULL;
	m->keys[i] = xstrdup(key);
	m->vals[i] = 0;
	m->n++;
	return &m->vals[i];
}

static int strmap_has(struct strmap *m, const char *key)
{
	return strmap_slot(m, key, 0) != NULL;
}

static void strmap_add(struct strmap *m, const char *key)
{
	strmap_slot(m, key, 1);
}

static void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/*
 * g_psl: model and enum names (one namespace in PSL).
 * g_db: every name PostgreSQL sees in the schema's namespaces: tables, types,
 *       indexes, constraints (kept unique across all of them, conservatively).
 * g_rel: relation names.
 */
static struct strmap g_psl, g_db, g_rel;
static unsigned g_mapseq;

/* ------------------------------------------------------------ word lists */

static const char *const BASE_MODELS[] = {
	"WorkOrder", "Material", "Equipment", "MaterialLot", "Part", "Personnel", "Routing",
	"User", "WorkOrderOperation", "QualityPlan", "RoutingOperation", "Tool", "Shift",
	"SerializedPart", "NCR", "QualityInspection", "Inventory", "WorkCenter", "Report",
	"IntegrationEndpoint", "EquipmentClass", "WorkOrderMaterial", "WorkOrderTool",
	"WorkOrderPersonnel", "ProductionVariance", "OperationCompletion", "WorkInstruction",
	"QualityCharacteristic", "QualityMeasurement", "FAIReport", "FAICharacteristic",
	"ElectronicSignature", "QIFMeasurementPlan", "QIFCharacteristic", "QIFMeasurementResult",
	"QIFMeasurement", "MaterialTransaction", "MaterialReservation", "StockLevel",
	"SerialNumberRange", "SerialNumberPolicy", "LotGenealogy", "TraceabilityEvent",
	"EquipmentCapability", "MaintenanceRecord", "PersonnelQualification", "PersonnelClass",
	"ToolType", "ToolUsageHistory", "PartBOM", "OperationParameter", "OperationToolRequirement",
	"OperationPersonnelRequirement", "ReportSchedule", "ReportExecution", "ReportParameter",
	"Dashboard", "DashboardWidget", "KPI", "Alert", "IntegrationJob", "IntegrationLog",
	"DataMapping", "TransformationRule", "SyncStatus", "RefreshToken", "APIToken",
	"UserSession", "MFASettings", "PasswordHistory", "AuthAuditLog", "ProcessSegment",
	"ProductDefinition", "MaterialDefinition", "MaterialClass", "PhysicalAsset",
	"OperationsSchedule", "OperationsRequest", "OperationsPerformance", "OperationsResponse",
	"JobOrder", "JobResponse", "WorkMaster", "WorkCalendar", "StorageLocation",
	"SegmentRequirement", "SegmentResponse", "ProductSegment", "Site", "Area",
	"ProductionLine", "WorkCell", "StorageZone", "Supplier", "Customer", "SalesOrder",
	"PurchaseOrder", "Shipment", "GoodsReceipt", "Recipe", "RecipeParameter", "BatchRecord",
	"DowntimeEvent", "ScrapRecord", "ReworkOrder", "CalibrationRecord", "SparePart",
	"ControlledDocument", "Attachment", "Notification", "AuditTrail", "ChangeRequest",
	"Deviation", "CAPA", "SamplingPlan", "ControlChart", "SpcSample", "LabelTemplate",
	"PrintJob", "Container", "Pallet", "UnitOfMeasure", "CostCenter", "ShiftPattern",
	"PlantHoliday", "SkillMatrix", "TrainingRecord", "SafetyIncident", "EnergyReading",
	"MachineState", "AlarmEvent", "ProductionCounter",
};

static const char *const MODEL_PREFIX[] = {
	"Plant", "Line", "Cell", "Shop", "Batch", "Quality", "Maintenance", "Inventory",
	"Production", "Warehouse", "Supplier", "Customer", "Process", "Recipe", "Shipment",
	"Receiving", "Calibration", "Energy", "Labor", "Packaging", "Tooling", "Inspection",
	"Sampling", "Material", "Equipment", "Operator", "Schedule", "Dispatch", "Kanban",
	"Genealogy", "Compliance", "Safety", "Environmental", "Lab", "Engineering", "Planning",
	"Costing", "Asset", "Spare", "Yield",
};

static const char *const MODEL_NOUN[] = {
	"Order", "Lot", "Event", "Log", "Record", "Schedule", "Parameter", "Definition",
	"Specification", "Assignment", "Capability", "Sample", "Test", "Result", "Request",
	"Transaction", "Snapshot", "Rule", "Template", "Version", "Reading", "Alarm", "Reason",
	"Note", "Approval", "Step", "Segment", "Property", "Limit", "Count", "Plan", "Profile",
	"Setting", "Summary", "History", "Queue", "Task", "Checklist", "Audit", "Link",
};

static const char *const ENUM_PREFIX[] = {
	"WorkOrder", "Operation", "Material", "Lot", "Equipment", "Tool", "Inspection", "Ncr",
	"Quality", "Maintenance", "Personnel", "Shift", "Report", "Alert", "Integration", "Sync",
	"Shipment", "Receipt", "Batch", "Recipe", "Sample", "Calibration", "Downtime", "Scrap",
	"Rework", "Document", "Change", "Deviation", "Capa", "Label", "Container", "Token",
	"Session", "Audit", "Signature", "Measurement", "Characteristic", "Routing", "Job",
	"Schedule", "Reservation", "Transaction", "Serial", "Trace", "Energy", "Machine",
	"Safety", "Training", "Supplier", "Customer",
};

static const char *const POOL_STATUS[] = {
	"DRAFT", "PLANNED", "RELEASED", "SCHEDULED", "IN_PROGRESS", "ON_HOLD", "SUSPENDED",
	"COMPLETED", "CLOSED", "CANCELLED", "REJECTED", "ARCHIVED",
};
static const char *const POOL_STATE[] = {
	"IDLE", "SETUP", "RUNNING", "STOPPED", "BLOCKED", "STARVED", "MAINTENANCE", "FAULTED",
	"OFFLINE", "STANDBY", "WARMING_UP", "SHUTDOWN",
};
static const char *const POOL_TYPE[] = {
	"STANDARD", "SPECIAL", "PROTOTYPE", "REWORK", "REPAIR", "SAMPLE", "ENGINEERING",
	"PRODUCTION", "SERVICE", "INTERNAL", "EXTERNAL", "OTHER",
};
static const char *const POOL_PRIORITY[] = {
	"LOWEST", "LOW", "BELOW_NORMAL", "NORMAL", "ABOVE_NORMAL", "HIGH", "HIGHER", "URGENT",
	"CRITICAL", "EMERGENCY", "EXPEDITE", "HOT",
};
static const char *const POOL_SEVERITY[] = {
	"INFO", "NOTICE", "MINOR", "MODERATE", "MAJOR", "SERIOUS", "SEVERE", "CRITICAL",
	"BLOCKER", "CATASTROPHIC", "SAFETY", "REGULATORY",
};
static const char *const POOL_RESULT[] = {
	"PENDING", "PASS", "FAIL", "CONDITIONAL", "RETEST", "WAIVED", "ACCEPTED", "REJECTED",
	"INCONCLUSIVE", "NOT_APPLICABLE", "SKIPPED", "ABORTED",
};
static const char *const POOL_UNIT[] = {
	"EACH", "PIECE", "GRAM", "KILOGRAM", "TONNE", "MILLILITER", "LITER", "MILLIMETER",
	"METER", "SQUARE_METER", "MINUTE", "HOUR",
};
static const char *const POOL_MODE[] = {
	"MANUAL", "SEMI_AUTOMATIC", "AUTOMATIC", "REMOTE", "LOCAL", "SIMULATION", "TRAINING",
	"SERVICE_MODE", "DRY_RUN", "BATCH", "CONTINUOUS", "DISCRETE",
};
static const char *const POOL_SOURCE[] = {
	"ERP", "MES", "PLC", "SCADA", "LIMS", "QMS", "WMS", "PLM", "MANUAL_ENTRY", "FILE_IMPORT",
	"REST_API", "BARCODE_SCAN",
};
static const char *const POOL_FREQUENCY[] = {
	"ONCE", "EVERY_PART", "HOURLY", "PER_SHIFT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY",
	"YEARLY", "PER_LOT", "PER_ORDER", "ON_DEMAND",
};
static const char *const POOL_REASON[] = {
	"BREAKDOWN", "CHANGEOVER", "MATERIAL_SHORTAGE", "NO_OPERATOR", "QUALITY_HOLD",
	"PLANNED_STOP", "TOOLING_ISSUE", "POWER_LOSS", "SAFETY_STOP", "UPSTREAM", "DOWNSTREAM",
	"UNKNOWN",
};
static const char *const POOL_DISPOSITION[] = {
	"USE_AS_IS", "REWORK", "REPAIR", "SCRAP", "RETURN_TO_VENDOR", "REGRADE", "SORT",
	"QUARANTINE", "CONCESSION", "DEVIATE", "HOLD", "RELEASE",
};
static const char *const POOL_PHASE[] = {
	"INITIATION", "PLANNING", "PREPARATION", "SETUP", "EXECUTION", "VERIFICATION",
	"APPROVAL", "RELEASE", "MONITORING", "CLOSEOUT", "REVIEW", "ARCHIVAL",
};
static const char *const POOL_ROLE[] = {
	"OPERATOR", "LEAD", "SUPERVISOR", "TECHNICIAN", "ENGINEER", "INSPECTOR", "PLANNER",
	"MANAGER", "AUDITOR", "ADMIN", "VIEWER", "INTEGRATOR",
};
static const char *const POOL_METHOD[] = {
	"VISUAL", "GAUGE", "CMM", "CALIPER", "MICROMETER", "XRAY", "ULTRASONIC", "HARDNESS",
	"TENSILE", "TORQUE_CHECK", "LEAK_TEST", "FUNCTIONAL",
};
static const char *const POOL_DIRECTION[] = {
	"INBOUND", "OUTBOUND", "TRANSFER", "ISSUE", "RETURN", "ADJUSTMENT", "CONSUMPTION",
	"PRODUCTION", "SCRAP_OUT", "CYCLE_COUNT", "RECLASSIFY", "SPLIT",
};

struct enum_kind {
	const char *kind;
	const char *const *pool; /* 12 values each */
};

static const struct enum_kind ENUM_KINDS[] = {
	{"Status", POOL_STATUS},       {"State", POOL_STATE},         {"Type", POOL_TYPE},
	{"Category", POOL_TYPE},       {"Priority", POOL_PRIORITY},   {"Severity", POOL_SEVERITY},
	{"Result", POOL_RESULT},       {"Unit", POOL_UNIT},           {"Mode", POOL_MODE},
	{"Source", POOL_SOURCE},       {"Frequency", POOL_FREQUENCY}, {"Reason", POOL_REASON},
	{"Disposition", POOL_DISPOSITION}, {"Phase", POOL_PHASE},     {"Role", POOL_ROLE},
	{"Method", POOL_METHOD},       {"Direction", POOL_DIRECTION},
};
enum { POOL_SIZE = 12 };

static const char *const ROLES[] = {
	"source", "target", "primary", "secondary", "origin", "current", "approved", "released",
	"assigned", "owner", "reviewed", "backup", "default", "replaced", "inspected", "linked",
};

static const char *const SELF_1N[][2] = {
	{"parent", "children"}, {"source", "derived"}, {"master", "variants"},
	{"template", "instances"}, {"replacedBy", "replaces"}, {"supersededBy", "supersedes"},
};
static const char *const SELF_11[][2] = {
	{"previous", "next"}, {"original", "revision"}, {"predecessor", "successor"},
};
static const char *const SELF_MN[][2] = {
	{"substitutes", "substituteFor"}, {"related", "relatedFrom"}, {"dependsOn", "requiredBy"},
};

static const char *const SERVICES[] = {
	"auth", "work-order", "quality", "material", "traceability", "resource", "reporting",
	"integration",
};


static const char *const FIELD_DOCS[] = {
	"/// Set by the ERP interface; read-only on the shop floor.",
	"/// Filled in on release; never changed afterwards.",
	"/// Used by the nightly reports.",
	"/// Kept for 21 CFR Part 11 traceability.",
	"/// Copied from the routing at order creation.",
};

/* per field class, indexed by enum cls (C_STRING .. C_INTLIST) */
static const char *const CLASS_DOCS[] = {
	"/// Free text entered by the operator.",
	"/// Counted in the base unit of measure.",
	"/// Monotonic counter; never reset.",
	"/// Raw value as reported by the PLC.",
	"/// Lower and upper limits come from the quality plan.",
	"/// False until the supervisor confirms.",
	"/// Stored in UTC.",
	"/// Free-form; validated by the owning service.",
	"/// Binary content, at most a few MB.",
	"/// Drives the life cycle; see the state diagram in the runbook.",
	"/// Order is not significant.",
	"/// One entry per slot.",
};

static const char *const TRAIL_COMMENTS[] = {
	"// legacy column, kept for the ERP export",
	"// see ISA-95 part 2",
	"// filled by the PLC gateway",
	"// nullable until released",
	"// TODO: move to the reporting service",
	"// indexed below",
};

/* ------------------------------------------------------------ data model */

enum cls {
	C_STRING, C_INT, C_BIGINT, C_FLOAT, C_DECIMAL, C_BOOL, C_DATETIME, C_JSON, C_BYTES,
	C_ENUM, C_STRLIST, C_INTLIST, C_RELATION
};

enum grp { G_ID, G_SCALAR, G_REL, G_TIME, G_BACK };

struct field {
	char name[32];
	char col[48];  /* database column name ("" for relation fields) */
	char type[48]; /* as printed: "String?", "Int[]", "WorkOrder" */
	char attrs[512];
	const char *doc;
	const char *trail;
	int grp;
	unsigned seq;
	int cls;
	unsigned char optional, unique, jsonb, is_fk, in_pk, wide;
};

struct blkline {
	char text[400];
};

struct sig {
	char text[200];
};

struct model {
	char name[32];
	char table[48];
	char stem[32];
	char idname[8];
	int mapped, mapcols, idkind, composite;
	struct field *f;
	size_t nf, cf;
	struct blkline *blk;
	size_t nb, cb;
	struct sig *sig;
	size_t ns, cs;
	char doc[200];
	unsigned filler;
};

struct genum {
	char name[32];
	char dbname[48];
	int kind;
	int nvals;
	const char *vals[POOL_SIZE];
	int mapvals, used;
	int doc;
};

struct idkind {
	const char *type;
	const char *attrs;
	const char *fk_native;
	const char *name;
	unsigned weight;
};

static const struct idkind IDKINDS[] = {
	{"String", "@id @default(cuid())", "", "id", 34},
	{"Int", "@id @default(autoincrement())", "", "id", 26},
	{"String", "@id @default(uuid()) @db.Uuid", "@db.Uuid", "id", 14},
	{"String", "@id @default(dbgenerated(\"gen_random_uuid()\")) @db.Uuid", "@db.Uuid", "id", 8},
	{"BigInt", "@id @default(autoincrement())", "", "id", 10},
	{"String", "@id @db.VarChar(32)", "@db.VarChar(32)", "code", 8},
};

enum rkind { R_1N_REQ, R_1N_OPT, R_11, R_SELF, R_MN };

struct rel {
	int kind;
	int child, parent; /* for R_MN: the two sides; for R_SELF: child == parent */
	int named;
};

static struct model *g_models;
static size_t g_nmodels;
static struct genum *g_enums;
static size_t g_nenums;
static unsigned g_seq;
static size_t g_enum_cursor;

/* ------------------------------------------------------------ fields */

static void colname(const struct model *m, const char *name, char *out, size_t cap)
{
	if (m->mapcols)
		snake(name, out, cap);
	else
		bfmt(out, cap, "%s", name);
}

static int name_free(const struct model *m, const char *name)
{
	char col[48];
	colname(m, name, col, sizeof col);
	if (!name[0] || strlen(name) > FIELD_MAX)
		return 0;
	for (size_t i = 0; i < m->nf; i++) {
		if (!strcmp(m->f[i].name, name))
			return 0;
		if (m->f[i].col[0] && !strcmp(m->f[i].col, col))
			return 0;
	}
	return 1;
}

/* base (truncated) + optional number, unique in m */
static void uniq(const struct model *m, const char *base, char *out, size_t cap)
{
	for (unsigned k = 1;; k++) {
		char num[16] = "";
		if (k > 1)
			bfmt(num, sizeof num, "%u", k);
		int room = FIELD_MAX - (int)strlen(num);
		bfmt(out, cap, "%.*s%s", room, base, num);
		if (name_free(m, out))
			return;
	}
}

/* relation field name + fk name (rel + sfx), both unique in m */
static void uniq_pair(const struct model *m, const char *base, const char *sfx, char *rel,
		      char *fk, size_t cap)
{
	for (unsigned k = 1;; k++) {
		char num[16] = "";
		if (k > 1)
			bfmt(num, sizeof num, "%u", k);
		int room = FIELD_MAX - (int)strlen(num) - (int)strlen(sfx);
		bfmt(rel, cap, "%.*s%s", room, base, num);
		bfmt(fk, cap, "%s%s", rel, sfx);
		if (name_free(m, rel) && name_free(m, fk))
			return;
	}
}

static struct field *add_field(struct model *m, const char *name, int grp, int cls)
{
	GROW(m->f, m->nf, m->cf);
	struct field *f = &m->f[m->nf++];
	memset(f, 0, sizeof *f);
	bfmt(f->name, sizeof f->name, "%s", name);
	if (cls != C_RELATION)
		colname(m, name, f->col, sizeof f->col);
	f->grp = grp;
	f->seq = g_seq++;
	f->cls = cls;
	return f;
}

static void attr(struct field *f, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void attr(struct field *f, const char *fmt, ...)
{
	size_t len = strlen(f->attrs);
	if (len && len + 1 < sizeof f->attrs)
		f->attrs[len++] = ' ';
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->attrs + len, sizeof f->attrs - len, fmt, ap);
	va_end(ap);
}

static void settype(struct field *f, const char *type, int optional)
{
	bfmt(f->type, sizeof f->type, "%s%s", type, optional ? "?" : "");
	f->optional = (unsigned char)optional;
}

/*
 * Reserve the default PostgreSQL name "<table>_<cols>_<suffix>"; when it is too long
 * or already taken, reserve a short synthetic one instead. Returns 1 when the caller
 * must write `map: "<out>"`.
 */
static int reserve_name(const char *table, const char *cols, const char *suffix, char *out,
			size_t cap)
{
	char name[256];
	bfmt(name, sizeof name, "%s_%s_%s", table, cols, suffix);
	if (strlen(name) <= DBNAME_MAX && !strmap_has(&g_db, name)) {
		strmap_add(&g_db, name);
		bfmt(out, cap, "%s", name);
		return 0;
	}
	for (;;) {
		bfmt(name, sizeof name, "%.30s_x%u_%s", table, ++g_mapseq, suffix);
		if (!strmap_has(&g_db, name))
			break;
	}
	strmap_add(&g_db, name);
	bfmt(out, cap, "%s", name);
	return 1;
}

static int has_sig(struct model *m, const char *s)
{
	for (size_t i = 0; i < m->ns; i++)
		if (!strcmp(m->sig[i].text, s))
			return 1;
	return 0;
}

static void add_sig(struct model *m, const char *s)
{
	GROW(m->sig, m->ns, m->cs);
	bfmt(m->sig[m->ns++].text, sizeof m->sig[0].text, "%s", s);
}

static void add_blk(struct model *m, const char *text)
{
	GROW(m->blk, m->nb, m->cb);
	bfmt(m->blk[m->nb++].text, sizeof m->blk[0].text, "%s", text);
}

static void mark_unique(struct model *m, struct field *f)
{
	char db[80], sig[200];
	f->unique = 1;
	bfmt(sig, sizeof sig, "U:%s", f->col);
	add_sig(m, sig);
	if (reserve_name(m->table, f->col, "key", db, sizeof db))
		attr(f, "@unique(map: \"%s\")", db);
	else
		attr(f, "@unique");
}

/* ------------------------------------------------------------ names */

static int name_ok_psl(const char *name)
{
	return strlen(name) <= MODEL_MAX && !strmap_has(&g_psl, name) && !strmap_has(&g_db, name);
}

static void shuffle_idx(unsigned *a, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rnd_below((unsigned)i);
		unsigned t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

static void gen_model_names(size_t n)
{
	g_models = xrealloc(NULL, (n ? n : 1) * sizeof *g_models);
	memset(g_models, 0, (n ? n : 1) * sizeof *g_models);
	size_t got = 0;
	for (size_t i = 0; i < COUNT(BASE_MODELS) && got < n; i++) {
		if (!name_ok_psl(BASE_MODELS[i]))
			continue;
		bfmt(g_models[got++].name, 32, "%s", BASE_MODELS[i]);
		strmap_add(&g_psl, BASE_MODELS[i]);
	}
	size_t ncombo = COUNT(MODEL_PREFIX) * COUNT(MODEL_NOUN);
	unsigned *order = xrealloc(NULL, ncombo * sizeof *order);
	for (size_t i = 0; i < ncombo; i++)
		order[i] = (unsigned)i;
	shuffle_idx(order, ncombo);
	for (unsigned round = 1; got < n; round++) {
		for (size_t i = 0; i < ncombo && got < n; i++) {
			char nm[64];
			const char *p = MODEL_PREFIX[order[i] / COUNT(MODEL_NOUN)];
			const char *q = MODEL_NOUN[order[i] % COUNT(MODEL_NOUN)];
			if (round == 1)
				bfmt(nm, sizeof nm, "%s%s", p, q);
			else
				bfmt(nm, sizeof nm, "%s%s%u", p, q, round);
			if (!name_ok_psl(nm))
				continue;
			bfmt(g_models[got++].name, 32, "%s", nm);
			strmap_add(&g_psl, nm);
		}
	}
	free(order);
	g_nmodels = n;
}

static void gen_enum_names(size_t n)
{
	g_enums = xrealloc(NULL, (n ? n : 1) * sizeof *g_enums);
	memset(g_enums, 0, (n ? n : 1) * sizeof *g_enums);
	size_t ncombo = COUNT(ENUM_PREFIX) * COUNT(ENUM_KINDS);
	unsigned *order = xrealloc(NULL, ncombo * sizeof *order);
	for (size_t i = 0; i < ncombo; i++)
		order[i] = (unsigned)i;
	shuffle_idx(order, ncombo);
	size_t got = 0;
	for (unsigned round = 1; got < n; round++) {
		for (size_t i = 0; i < ncombo && got < n; i++) {
			char nm[64];
			const char *p = ENUM_PREFIX[order[i] / COUNT(ENUM_KINDS)];
			int k = (int)(order[i] % COUNT(ENUM_KINDS));
			if (round == 1)
				bfmt(nm, sizeof nm, "%s%s", p, ENUM_KINDS[k].kind);
			else
				bfmt(nm, sizeof nm, "%s%s%u", p, ENUM_KINDS[k].kind, round);
			if (!name_ok_psl(nm))
				continue;
			struct genum *e = &g_enums[got++];
			bfmt(e->name, sizeof e->name, "%s", nm);
			e->kind = k;
			strmap_add(&g_psl, nm);
		}
	}
	free(order);
	g_nenums = n;
}

static void gen_enums(void)
{
	for (size_t i = 0; i < g_nenums; i++) {
		struct genum *e = &g_enums[i];
		int n = 3 + (int)rnd_below(10); /* 3..12 */
		/* n distinct pool entries, kept in pool order */
		int pick[POOL_SIZE] = {0};
		int left = n;
		for (int j = 0; j < POOL_SIZE; j++) {
			int remain = POOL_SIZE - j;
			if ((int)rnd_below((unsigned)remain) < left) {
				pick[j] = 1;
				left--;
			}
		}
		e->nvals = 0;
		for (int j = 0; j < POOL_SIZE; j++)
			if (pick[j])
				e->vals[e->nvals++] = ENUM_KINDS[e->kind].pool[j];
		bfmt(e->dbname, sizeof e->dbname, "%s", e->name);
		if (chance(10)) {
			char s[64];
			snake(e->name, s, sizeof s);
			if (strlen(s) <= 40 && !strmap_has(&g_db, s) && !strmap_has(&g_psl, s))
				bfmt(e->dbname, sizeof e->dbname, "%s", s);
		}
		strmap_add(&g_db, e->dbname);
		e->mapvals = chance(5);
		e->doc = chance(40);
	}
}

/* ------------------------------------------------------------ models */

static int pick_idkind(void)
{
	unsigned total = 0;
	for (size_t i = 0; i < COUNT(IDKINDS); i++)
		total += IDKINDS[i].weight;
	unsigned r = rnd_below(total);
	for (size_t i = 0; i < COUNT(IDKINDS); i++) {
		if (r < IDKINDS[i].weight)
			return (int)i;
		r -= IDKINDS[i].weight;
	}
	return 0;
}

static void setup_models(size_t ncomposite)
{
	for (size_t i = 0; i < g_nmodels; i++) {
		struct model *m = &g_models[i];
		bfmt(m->table, sizeof m->table, "%s", m->name);
		if (chance(20)) {
			char s[64];
			snake(m->name, s, sizeof s);
			if (strlen(s) <= 40 && !strmap_has(&g_db, s) && !strmap_has(&g_psl, s)) {
				bfmt(m->table, sizeof m->table, "%s", s);
				m->mapped = 1;
				m->mapcols = chance(85);
			}
		}
		strmap_add(&g_db, m->table);
		stem_of(m->name, 20, m->stem, sizeof m->stem);
		m->idkind = pick_idkind();
		const char *svc = SERVICES[i % COUNT(SERVICES)];
		if (chance(80)) {
			char words[64];
			snake(m->name, words, sizeof words);
			for (char *p = words; *p; p++)
				if (*p == '_')
					*p = ' ';
			char cap[64];
			upper_first(words, cap, sizeof cap);
			switch (rnd_below(5)) {
			case 0:
				bfmt(m->doc, sizeof m->doc, "/// %s records, ISA-95 level 3; owned by the %s service.", cap, svc);
				break;
			case 1:
				bfmt(m->doc, sizeof m->doc, "/// One row per %s. Owned by the %s service.", words, svc);
				break;
			case 2:
				bfmt(m->doc, sizeof m->doc, "/// %s master data, maintained by engineering (%s service).", cap, svc);
				break;
			case 3:
				bfmt(m->doc, sizeof m->doc, "/// %s events captured on the shop floor, kept by the %s service.", cap, svc);
				break;
			default:
				bfmt(m->doc, sizeof m->doc, "/// %s: see the %s service runbook for the life cycle.", cap, svc);
				break;
			}
		}
	}
	/* a few association-style models get a composite primary key */
	size_t first = g_nmodels > 8 ? 5 : 1;
	for (size_t k = 0; k < ncomposite && first < g_nmodels; k++) {
		size_t i = first + rnd_below((unsigned)(g_nmodels - first));
		if (g_models[i].composite)
			continue;
		g_models[i].composite = 1;
	}
	for (size_t i = 0; i < g_nmodels; i++) {
		struct model *m = &g_models[i];
		if (m->composite)
			continue;
		const struct idkind *k = &IDKINDS[m->idkind];
		struct field *f = add_field(m, k->name, G_ID, !strcmp(k->type, "String") ? C_STRING : !strcmp(k->type, "Int") ? C_INT : C_BIGINT);
		bfmt(m->idname, sizeof m->idname, "%s", k->name);
		settype(f, k->type, 0);
		bfmt(f->attrs, sizeof f->attrs, "%s", k->attrs);
		f->in_pk = 1;
		char pk[80];
		bfmt(pk, sizeof pk, "%s_pkey", m->table);
		strmap_add(&g_db, pk);
	}
}

/* ------------------------------------------------------------ relations */

static const char *ON_DELETE_REQ[] = {"Cascade", "Cascade", "Restrict", "NoAction", NULL, NULL, NULL};
static const char *ON_DELETE_OPT[] = {"SetNull", "SetNull", "Cascade", "NoAction", NULL, NULL, NULL};

static void relation_name(const char *a, const char *b, char *out, size_t cap)
{
	char base[128];
	bfmt(base, sizeof base, "%s%s", a, b);
	if (strlen(base) > 48)
		bfmt(base, sizeof base, "%.24s%.20s", a, b);
	bfmt(out, cap, "%s", base);
	for (unsigned k = 2; strmap_has(&g_rel, out); k++)
		bfmt(out, cap, "%s%u", base, k);
	strmap_add(&g_rel, out);
}

/* relation field + fk in child pointing at parent's id; returns the relation field */
static struct field *add_fk(struct model *c, const struct model *p, const char *base, int optional,
			    int unique, const char *relname, const char *on_delete,
			    const char *on_update)
{
	const struct idkind *k = &IDKINDS[p->idkind];
	const char *sfx = !strcmp(k->name, "code") ? "Code" : "Id";
	char rn[32], fkn[32];
	uniq_pair(c, base, sfx, rn, fkn, sizeof rn);

	struct field *fk = add_field(c, fkn, G_REL, !strcmp(k->type, "String") ? C_STRING : !strcmp(k->type, "Int") ? C_INT : C_BIGINT);
	settype(fk, k->type, optional);
	if (k->fk_native[0])
		attr(fk, "%s", k->fk_native);
	fk->is_fk = 1;
	if (unique)
		mark_unique(c, fk);
	char fkcol[48];
	bfmt(fkcol, sizeof fkcol, "%s", fk->col);

	struct field *r = add_field(c, rn, G_REL, C_RELATION);
	settype(r, p->name, optional);
	char args[400] = "";
	size_t n = 0;
	if (relname)
		n += (size_t)bfmt(args + n, sizeof args - n, "\"%s\", ", relname);
	n += (size_t)bfmt(args + n, sizeof args - n, "fields: [%s], references: [%s]", fkn, p->idname);
	if (on_delete)
		n += (size_t)bfmt(args + n, sizeof args - n, ", onDelete: %s", on_delete);
	if (on_update)
		n += (size_t)bfmt(args + n, sizeof args - n, ", onUpdate: %s", on_update);
	char db[80];
	if (reserve_name(c->table, fkcol, "fkey", db, sizeof db))
		bfmt(args + n, sizeof args - n, ", map: \"%s\"", db);
	attr(r, "@relation(%s)", args);
	return r;
}

static const char *pick_on_update(void)
{
	unsigned r = rnd_below(100);
	return r < 5 ? "NoAction" : r < 8 ? "Restrict" : NULL;
}

static void realize_1n(struct rel *rl)
{
	struct model *c = &g_models[rl->child], *p = &g_models[rl->parent];
	const char *sfx = !strcmp(p->idname, "code") ? "Code" : "Id";
	int optional = rl->kind == R_1N_OPT || (rl->kind == R_11 && chance(50));
	int one = rl->kind == R_11;

	/* field names in the child: plain stem of the parent, else a role prefix */
	char base[64], stem[32], ustem[32];
	const char *role = NULL;
	stem_of(p->name, (size_t)FIELD_MAX - strlen(sfx), stem, sizeof stem);
	bfmt(base, sizeof base, "%s", stem);
	{
		char fk[64];
		bfmt(fk, sizeof fk, "%s%s", base, sfx);
		if (!name_free(c, base) || !name_free(c, fk)) {
			size_t off = rnd_below((unsigned)COUNT(ROLES));
			for (size_t t = 0; t < COUNT(ROLES); t++) {
				const char *ro = ROLES[(off + t) % COUNT(ROLES)];
				stem_of(p->name, (size_t)FIELD_MAX - strlen(sfx) - strlen(ro), stem, sizeof stem);
				upper_first(stem, ustem, sizeof ustem);
				bfmt(base, sizeof base, "%s%s", ro, ustem);
				bfmt(fk, sizeof fk, "%s%s", base, sfx);
				if (name_free(c, base) && name_free(c, fk)) {
					role = ro;
					break;
				}
			}
		}
	}

	const char *od;
	if (optional)
		od = ON_DELETE_OPT[rnd_below((unsigned)COUNT(ON_DELETE_OPT))];
	else
		od = ON_DELETE_REQ[rnd_below((unsigned)COUNT(ON_DELETE_REQ))];
	if (c->composite && !optional && !one && chance(70))
		od = "Cascade";

	char relname[64];
	char ub[64];
	if (rl->named) {
		/* the relation field name is only known after uniq_pair; approximate with base */
		upper_first(base, ub, sizeof ub);
		relation_name(c->name, ub, relname, sizeof relname);
	}
	const char *ou = pick_on_update();
	add_fk(c, p, base, optional, one, rl->named ? relname : NULL, od, ou);

	/* back-relation in the parent */
	char cs[32], bb[64], back[32];
	if (one)
		stem_of(c->name, 20, cs, sizeof cs);
	else {
		char tmp[32];
		stem_of(c->name, 18, tmp, sizeof tmp);
		plural(tmp, cs, sizeof cs);
	}
	if (role) {
		char ucs[32];
		upper_first(cs, ucs, sizeof ucs);
		bfmt(bb, sizeof bb, "%s%s", role, ucs);
		if (strlen(bb) > FIELD_MAX) {
			char t2[32], t3[32];
			stem_of(c->name, (size_t)FIELD_MAX - strlen(role) - 3, t2, sizeof t2);
			if (one)
				bfmt(t3, sizeof t3, "%s", t2);
			else
				plural(t2, t3, sizeof t3);
			upper_first(t3, ucs, sizeof ucs);
			bfmt(bb, sizeof bb, "%s%s", role, ucs);
		}
	} else {
		bfmt(bb, sizeof bb, "%s", cs);
	}
	uniq(p, bb, back, sizeof back);
	char ctype[40];
	bfmt(ctype, sizeof ctype, "%s%s", c->name, one ? "?" : "[]");
	struct field *b = add_field(p, back, G_BACK, C_RELATION);
	bfmt(b->type, sizeof b->type, "%s", ctype);
	if (rl->named)
		attr(b, "@relation(\"%s\")", relname);
}

static void realize_self(struct rel *rl)
{
	struct model *m = &g_models[rl->child];
	unsigned r = rnd_below(100);
	char relname[64], u[32];
	if (r < 70 || r >= 90) {
		int is11 = r >= 90;
		const char *const *pair = is11 ? SELF_11[rnd_below((unsigned)COUNT(SELF_11))]
					       : SELF_1N[rnd_below((unsigned)COUNT(SELF_1N))];
		upper_first(pair[0], u, sizeof u);
		relation_name(m->name, u, relname, sizeof relname);
		/* one PRNG call per statement: argument evaluation order is unspecified */
		const char *od = chance(50) ? "SetNull" : chance(50) ? "NoAction" : NULL;
		const char *ou = chance(50) ? "NoAction" : NULL;
		add_fk(m, m, pair[0], 1, is11, relname, od, ou);
		char back[32];
		uniq(m, pair[1], back, sizeof back);
		struct field *b = add_field(m, back, G_BACK, C_RELATION);
		bfmt(b->type, sizeof b->type, "%s%s", m->name, is11 ? "?" : "[]");
		attr(b, "@relation(\"%s\")", relname);
	} else {
		const char *const *pair = SELF_MN[rnd_below((unsigned)COUNT(SELF_MN))];
		char rn[64];
		upper_first(pair[0], u, sizeof u);
		bfmt(rn, sizeof rn, "%.20s%s", m->name, u);
		relation_name(rn, "", relname, sizeof relname);
		for (int s = 0; s < 2; s++) {
			char nm[32];
			uniq(m, pair[s], nm, sizeof nm);
			struct field *b = add_field(m, nm, G_BACK, C_RELATION);
			bfmt(b->type, sizeof b->type, "%s[]", m->name);
			attr(b, "@relation(\"%s\")", relname);
		}
		char t[80], d[96];
		bfmt(t, sizeof t, "_%s", relname);
		strmap_add(&g_db, t);
		bfmt(d, sizeof d, "_%s_AB_pkey", relname);
		strmap_add(&g_db, d);
		bfmt(d, sizeof d, "_%s_AB_unique", relname);
		strmap_add(&g_db, d);
		bfmt(d, sizeof d, "_%s_B_index", relname);
		strmap_add(&g_db, d);
	}
}

static void realize_mn(struct rel *rl)
{
	struct model *a = &g_models[rl->child], *b = &g_models[rl->parent];
	char relname[64];
	if (strlen(a->name) + strlen(b->name) + 2 <= 40) {
		char tmp[64];
		bfmt(tmp, sizeof tmp, "%sTo%s", a->name, b->name);
		relation_name(tmp, "", relname, sizeof relname);
	} else {
		relation_name(a->name, b->name, relname, sizeof relname);
		if (strlen(relname) > 40) {
			/* keep the join table's constraint names short */
			char tmp[64];
			bfmt(tmp, sizeof tmp, "%.18s%.18s", a->name, b->name);
			relation_name(tmp, "", relname, sizeof relname);
		}
	}
	struct model *side[2] = {a, b};
	for (int s = 0; s < 2; s++) {
		struct model *m = side[s], *o = side[1 - s];
		char st[32], pl[32], nm[32];
		stem_of(o->name, 20, st, sizeof st);
		plural(st, pl, sizeof pl);
		uniq(m, pl, nm, sizeof nm);
		struct field *f = add_field(m, nm, G_BACK, C_RELATION);
		bfmt(f->type, sizeof f->type, "%s[]", o->name);
		attr(f, "@relation(\"%s\")", relname);
	}
	char t[80], d[96];
	bfmt(t, sizeof t, "_%s", relname);
	strmap_add(&g_db, t);
	bfmt(d, sizeof d, "_%s_AB_pkey", relname);
	strmap_add(&g_db, d);
	bfmt(d, sizeof d, "_%s_AB_unique", relname);
	strmap_add(&g_db, d);
	bfmt(d, sizeof d, "_%s_B_index", relname);
	strmap_add(&g_db, d);
}

static size_t pick_parent(const size_t *noncomp, size_t nn)
{
	/* hub bias: low indexes (WorkOrder, Material, Equipment...) are referenced most */
	size_t i = (size_t)(((uint64_t)nn * rnd_sq32()) >> 32);
	if (i >= nn)
		i = nn - 1;
	return noncomp[i];
}

static void plan_relations(size_t nrel)
{
	size_t *noncomp = xrealloc(NULL, (g_nmodels ? g_nmodels : 1) * sizeof *noncomp);
	size_t nn = 0;
	for (size_t i = 0; i < g_nmodels; i++)
		if (!g_models[i].composite)
			noncomp[nn++] = i;
	struct rel *rels = xrealloc(NULL, (nrel ? nrel : 1) * sizeof *rels);
	static const int first_kinds[] = {R_1N_REQ, R_1N_OPT, R_11, R_MN, R_SELF};
	struct strmap pairs = {0};

	for (size_t i = 0; i < nrel; i++) {
		struct rel *r = &rels[i];
		int kind;
		if (i < COUNT(first_kinds)) {
			kind = first_kinds[i];
		} else {
			unsigned x = rnd_below(100);
			kind = x < 46 ? R_1N_REQ : x < 81 ? R_1N_OPT : x < 90 ? R_11 : x < 93 ? R_SELF : R_MN;
		}
		if (g_nmodels < 2 || nn < 1)
			kind = R_SELF;
		if (kind == R_MN && nn < 2)
			kind = R_1N_OPT;
		r->kind = kind;
		if (kind == R_SELF) {
			r->child = r->parent = (int)noncomp[rnd_below((unsigned)nn)];
		} else if (kind == R_MN) {
			size_t a = pick_parent(noncomp, nn), b;
			do
				b = noncomp[rnd_below((unsigned)nn)];
			while (b == a);
			r->child = (int)a;
			r->parent = (int)b;
		} else {
			size_t p = pick_parent(noncomp, nn), c;
			do
				c = rnd_below((unsigned)g_nmodels);
			while (c == p);
			r->child = (int)c;
			r->parent = (int)p;
		}
		char key[64];
		int lo = r->child < r->parent ? r->child : r->parent;
		int hi = r->child < r->parent ? r->parent : r->child;
		bfmt(key, sizeof key, "%d:%d", lo, hi);
		(*strmap_slot(&pairs, key, 1))++;
	}
	for (size_t i = 0; i < nrel; i++) {
		struct rel *r = &rels[i];
		char key[64];
		int lo = r->child < r->parent ? r->child : r->parent;
		int hi = r->child < r->parent ? r->parent : r->child;
		bfmt(key, sizeof key, "%d:%d", lo, hi);
		r->named = *strmap_slot(&pairs, key, 0) > 1 || r->kind == R_SELF || r->kind == R_MN;
	}
	/* composite-key models first take a required 1:n so the key can include its fk */
	for (size_t i = 0; i < nrel; i++) {
		switch (rels[i].kind) {
		case R_1N_REQ:
		case R_1N_OPT:
		case R_11:
			realize_1n(&rels[i]);
			break;
		case R_SELF:
			realize_self(&rels[i]);
			break;
		default:
			realize_mn(&rels[i]);
			break;
		}
	}
	strmap_free(&pairs);
	free(rels);
	free(noncomp);
}

static void finish_composite_keys(void)
{
	for (size_t i = 0; i < g_nmodels; i++) {
		struct model *m = &g_models[i];
		if (!m->composite)
			continue;
		struct field *fk = NULL;
		for (size_t j = 0; j < m->nf; j++)
			if (m->f[j].is_fk && !m->f[j].optional && !m->f[j].unique) {
				fk = &m->f[j];
				break;
			}
		char a[32], b[32], line[200];
		if (fk) {
			fk->in_pk = 1;
			bfmt(a, sizeof a, "%s", fk->name);
			uniq(m, "lineNo", b, sizeof b);
			struct field *f = add_field(m, b, G_ID, C_INT);
			settype(f, "Int", 0);
			f->in_pk = 1;
		} else {
			uniq(m, "siteCode", a, sizeof a);
			struct field *f = add_field(m, a, G_ID, C_STRING);
			settype(f, "String", 0);
			attr(f, "@db.VarChar(16)");
			f->in_pk = 1;
			uniq(m, "seqNo", b, sizeof b);
			f = add_field(m, b, G_ID, C_INT);
			settype(f, "Int", 0);
			f->in_pk = 1;
		}
		bfmt(line, sizeof line, "@@id([%s, %s])", a, b);
		add_blk(m, line);
		char pk[80];
		bfmt(pk, sizeof pk, "%s_pkey", m->table);
		strmap_add(&g_db, pk);
	}
}

/* ------------------------------------------------------------ scalars */

enum svar { V_CODE, V_LONG, V_TEXT, V_CHAR1, V_CHAR2, V_CHAR3, V_UUID };

struct strname {
	const char *name;
	int var;
};

static const struct strname STRING_NAMES[] = {
	{"code", V_CODE}, {"serialNumber", V_CODE}, {"lotNumber", V_CODE}, {"batchNumber", V_CODE},
	{"partNumber", V_CODE}, {"barcode", V_CODE}, {"externalRef", V_CODE}, {"erpReference", V_CODE},
	{"drawingNumber", V_CODE}, {"orderNumber", V_CODE}, {"documentNumber", V_CODE},
	{"assetTag", V_CODE}, {"rfidTag", V_CODE}, {"badgeNumber", V_CODE}, {"sku", V_CODE},
	{"revision", V_CODE}, {"plantCode", V_CODE}, {"areaCode", V_CODE}, {"binCode", V_CODE},
	{"zoneCode", V_CODE}, {"vendorCode", V_CODE}, {"customerCode", V_CODE}, {"uom", V_CODE},
	{"shiftCode", V_CODE}, {"costCenterCode", V_CODE}, {"gtin", V_CODE}, {"hostName", V_CODE},
	{"name", V_LONG}, {"title", V_LONG}, {"displayName", V_LONG}, {"location", V_LONG},
	{"shelfLocation", V_LONG}, {"sourceSystem", V_LONG}, {"createdBy", V_LONG},
	{"updatedBy", V_LONG}, {"approvedBy", V_LONG}, {"releasedBy", V_LONG},
	{"operatorName", V_LONG}, {"fileName", V_LONG}, {"mimeType", V_LONG}, {"topic", V_LONG},
	{"url", V_LONG}, {"email", V_LONG}, {"phone", V_LONG}, {"contactName", V_LONG},
	{"specReference", V_LONG}, {"labelText", V_LONG}, {"description", V_TEXT},
	{"remarks", V_TEXT}, {"notes", V_TEXT}, {"comment", V_TEXT}, {"reasonText", V_TEXT},
	{"instructions", V_TEXT}, {"resolution", V_TEXT}, {"rootCause", V_TEXT},
	{"correctiveAction", V_TEXT}, {"errorMessage", V_TEXT}, {"stackTrace", V_TEXT},
	{"summary", V_TEXT}, {"body", V_TEXT}, {"expression", V_TEXT}, {"shiftLetter", V_CHAR1},
	{"gradeLetter", V_CHAR1}, {"countryCode", V_CHAR2}, {"languageCode", V_CHAR2},
	{"currencyCode", V_CHAR3}, {"isoUnitCode", V_CHAR3}, {"correlationId", V_UUID},
	{"externalUuid", V_UUID}, {"traceId", V_UUID}, {"requestId", V_UUID}, {"messageId", V_UUID},
	{"batchUuid", V_UUID}, {"sessionKey", V_UUID},
};

static const char *const INT_NAMES[] = {
	"quantity", "sequence", "priority", "stepNumber", "cycleCount", "scrapCount", "reworkCount",
	"goodCount", "lineNumber", "retryCount", "version", "durationSec", "setupTimeSec",
	"cycleTimeMs", "batchSize", "capacity", "slotCount", "shiftNumber", "operationNo",
	"pageCount", "sampleSize", "defectCount", "leadTimeDays", "shelfLifeDays", "minStock",
	"maxStock", "reorderPoint", "palletCount", "positionNo", "axisCount",
};
static const char *const BIGINT_NAMES[] = {
	"eventSeq", "counterValue", "byteSize", "totalCycles", "sequenceNo", "offsetValue",
	"crc64", "runtimeMs", "messageSeq", "energyWh",
};
static const char *const FLOAT_NAMES[] = {
	"temperature", "pressure", "humidity", "speed", "torque", "voltage", "currentAmp",
	"weightKg", "lengthMm", "widthMm", "heightMm", "oee", "availability", "performance",
	"qualityRate", "flowRate", "vibration", "rpm", "setpoint", "deviation", "cpk", "ppk",
	"meanValue", "stdDev",
};
static const char *const DECIMAL_NAMES[] = {
	"unitCost", "totalCost", "plannedQty", "actualQty", "scrapQty", "laborHours", "stdRate",
	"targetValue", "lowerLimit", "upperLimit", "nominalValue", "tolerance", "unitPrice",
	"netWeight", "grossWeight", "volume", "conversionFactor", "yieldPct", "machineHours",
	"remainingQty",
};
static const char *const BOOL_NAMES[] = {
	"isActive", "isCritical", "isReleased", "requiresApproval", "isArchived", "isBlocked",
	"isLocked", "isDefault", "isSerialized", "isLotControlled", "isQuarantined", "isValidated",
	"isSigned", "hasDeviation", "autoRelease", "isPrimary", "isTemplate", "isDeleted",
	"isVisible", "isRequired",
};
static const char *const DATETIME_NAMES[] = {
	"plannedStart", "plannedEnd", "actualStart", "actualEnd", "releasedAt", "completedAt",
	"calibratedAt", "receivedAt", "shippedAt", "approvedAt", "startedAt", "endedAt",
	"scheduledAt", "closedAt", "lastSeenAt", "archivedAt", "signedAt", "measuredAt",
	"recordedAt", "nextDueAt",
};
static const char *const DATE_NAMES[] = {
	"dueDate", "effectiveFrom", "effectiveTo", "validUntil", "productionDate", "expiryDate",
};
static const char *const TIME_NAMES[] = {"startTime", "endTime", "breakStart", "breakEnd"};
static const char *const EXPIRY_NAMES[] = {"expiresAt", "retentionUntil", "reviewDueAt"};
static const char *const JSON_NAMES[] = {
	"attributes", "metadata", "payload", "settings", "parameters", "specification", "config",
	"extraData", "context", "snapshot", "limits", "mapping", "resultData", "details",
};
static const char *const BYTES_NAMES[] = {
	"signatureBlob", "thumbnail", "certificate", "rawData", "fileContent", "image",
	"pdfReport", "attachmentData",
};
static const char *const STRLIST_NAMES[] = {
	"tags", "aliases", "serialNumbers", "notifyEmails", "labels", "keywords",
	"attachmentUrls", "allowedRoles", "skillCodes", "lotNumbers",
};
static const char *const INTLIST_NAMES[] = {
	"binCounts", "slotNumbers", "shiftNumbers", "histogram", "channelIds", "axisOffsets",
};

static void pick_name(struct model *m, const char *const *pool, size_t n, char *out, size_t cap)
{
	const char *nm = pool[rnd_below((unsigned)n)];
	for (int t = 0; t < 4 && !name_free(m, nm); t++)
		nm = pool[rnd_below((unsigned)n)];
	uniq(m, nm, out, cap);
}

static void decorate(struct model *m, struct field *f)
{
	if (chance(8))
		f->doc = chance(60) && f->cls < (int)COUNT(CLASS_DOCS) ? CLASS_DOCS[f->cls]
								     : FIELD_DOCS[rnd_below((unsigned)COUNT(FIELD_DOCS))];
	else if (chance(3))
		f->trail = TRAIL_COMMENTS[rnd_below((unsigned)COUNT(TRAIL_COMMENTS))];
	/* a few hand-mapped snake_case columns in models that do not map all columns */
	if (!m->mapcols && chance(4)) {
		char s[48];
		snake(f->name, s, sizeof s);
		int clash = 0;
		for (size_t i = 0; i < m->nf; i++)
			if (&m->f[i] != f && (!strcmp(m->f[i].col, s) || !strcmp(m->f[i].name, s)))
				clash = 1;
		if (!clash)
			bfmt(f->col, sizeof f->col, "%s", s);
	}
}

static void gen_string(struct model *m, int force_code)
{
	const struct strname *sn;
	char nm[32];
	if (force_code) {
		static const char *const codes[] = {"code", "serialNumber", "lotNumber", "partNumber",
						    "orderNumber", "documentNumber", "assetTag"};
		const char *c = PICK(codes);
		uniq(m, c, nm, sizeof nm);
		sn = &STRING_NAMES[0];
	} else {
		sn = &STRING_NAMES[rnd_below((unsigned)COUNT(STRING_NAMES))];
		for (int t = 0; t < 4 && !name_free(m, sn->name); t++)
			sn = &STRING_NAMES[rnd_below((unsigned)COUNT(STRING_NAMES))];
		uniq(m, sn->name, nm, sizeof nm);
	}
	struct field *f = add_field(m, nm, G_SCALAR, C_STRING);
	static const unsigned short_len[] = {16, 20, 32, 40, 50, 64};
	static const unsigned long_len[] = {100, 120, 128, 200, 255, 500, 512, 1000};
	int optional = 0;
	switch (sn->var) {
	case V_CODE:
		optional = !force_code && chance(20);
		settype(f, "String", optional);
		attr(f, "@db.VarChar(%u)", PICK(short_len));
		if (force_code ? chance(75) : chance(10))
			mark_unique(m, f);
		break;
	case V_LONG:
		optional = chance(40);
		settype(f, "String", optional);
		if (chance(60))
			attr(f, "@db.VarChar(%u)", PICK(long_len));
		if (!optional && chance(15))
			attr(f, "@default(\"%s\")", chance(50) ? "" : "system");
		break;
	case V_TEXT:
		f->wide = 1; /* long free text: never indexed */
		optional = chance(60);
		settype(f, "String", optional);
		if (chance(40))
			attr(f, "@db.Text");
		if (!optional && chance(10))
			attr(f, "@default(\"\")");
		break;
	case V_CHAR1:
	case V_CHAR2:
	case V_CHAR3: {
		static const char *const d1[] = {"A", "B", "X"};
		static const char *const d2[] = {"DE", "US", "FR", "en", "de"};
		static const char *const d3[] = {"EUR", "USD", "PCE", "KGM"};
		int w = sn->var == V_CHAR1 ? 1 : sn->var == V_CHAR2 ? 2 : 3;
		optional = chance(30);
		settype(f, "String", optional);
		attr(f, "@db.Char(%d)", w);
		if (chance(40))
			attr(f, "@default(\"%s\")", w == 1 ? PICK(d1) : w == 2 ? PICK(d2) : PICK(d3));
		break;
	}
	default: { /* V_UUID */
		unsigned r = rnd_below(100);
		optional = r >= 55 && chance(70);
		settype(f, "String", optional);
		if (r < 40)
			attr(f, "@default(uuid())");
		else if (r < 55)
			attr(f, "@default(dbgenerated(\"gen_random_uuid()\"))");
		attr(f, "@db.Uuid");
		if (chance(15))
			mark_unique(m, f);
		break;
	}
	}
	decorate(m, f);
}

static void gen_int(struct model *m)
{
	char nm[32];
	pick_name(m, INT_NAMES, COUNT(INT_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, C_INT);
	int optional = chance(30);
	settype(f, "Int", optional);
	unsigned r = rnd_below(100);
	if (r < 20)
		attr(f, "@db.SmallInt");
	else if (r < 28)
		attr(f, "@db.Integer");
	if (chance(35))
		attr(f, "@default(%d)", chance(75) ? 0 : 1);
	decorate(m, f);
}

static void gen_bigint(struct model *m)
{
	char nm[32];
	pick_name(m, BIGINT_NAMES, COUNT(BIGINT_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, C_BIGINT);
	settype(f, "BigInt", chance(30));
	if (chance(20))
		attr(f, "@db.BigInt");
	if (chance(20))
		attr(f, "@default(0)");
	decorate(m, f);
}

static void gen_float(struct model *m)
{
	char nm[32];
	pick_name(m, FLOAT_NAMES, COUNT(FLOAT_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, C_FLOAT);
	settype(f, "Float", chance(40));
	unsigned r = rnd_below(100);
	if (r < 20)
		attr(f, "@db.DoublePrecision");
	else if (r < 40)
		attr(f, "@db.Real");
	if (chance(15))
		attr(f, "@default(0)");
	decorate(m, f);
}

static void gen_decimal(struct model *m)
{
	static const char *const prec[] = {"10, 2", "12, 4", "18, 6", "9, 3", "14, 2", "20, 8"};
	char nm[32];
	pick_name(m, DECIMAL_NAMES, COUNT(DECIMAL_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, C_DECIMAL);
	settype(f, "Decimal", chance(35));
	unsigned r = rnd_below(100);
	if (r < 70)
		attr(f, "@db.Decimal(%s)", PICK(prec));
	else if (r < 74)
		attr(f, "@db.Money");
	if (chance(30))
		attr(f, "@default(%s)", chance(70) ? "0" : "1.5");
	decorate(m, f);
}

static void gen_bool(struct model *m)
{
	char nm[32];
	pick_name(m, BOOL_NAMES, COUNT(BOOL_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, C_BOOL);
	settype(f, "Boolean", chance(10));
	if (chance(75))
		attr(f, "@default(%s)", chance(60) ? "false" : "true");
	if (chance(4))
		attr(f, "@db.Boolean");
	decorate(m, f);
}

static void gen_datetime(struct model *m)
{
	char nm[32];
	unsigned r = rnd_below(100);
	struct field *f;
	if (r < 12) {
		pick_name(m, DATE_NAMES, COUNT(DATE_NAMES), nm, sizeof nm);
		f = add_field(m, nm, G_SCALAR, C_DATETIME);
		settype(f, "DateTime", chance(50));
		attr(f, "@db.Date");
	} else if (r < 16) {
		pick_name(m, TIME_NAMES, COUNT(TIME_NAMES), nm, sizeof nm);
		f = add_field(m, nm, G_SCALAR, C_DATETIME);
		settype(f, "DateTime", chance(40));
		attr(f, "@db.Time(0)");
	} else if (r < 20) {
		pick_name(m, EXPIRY_NAMES, COUNT(EXPIRY_NAMES), nm, sizeof nm);
		f = add_field(m, nm, G_SCALAR, C_DATETIME);
		settype(f, "DateTime", 0);
		attr(f, "@default(dbgenerated(\"(now() + '30 days'::interval)\")) @db.Timestamptz(3)");
	} else {
		pick_name(m, DATETIME_NAMES, COUNT(DATETIME_NAMES), nm, sizeof nm);
		f = add_field(m, nm, G_SCALAR, C_DATETIME);
		int optional = chance(65);
		settype(f, "DateTime", optional);
		if (!optional && chance(40))
			attr(f, "@default(now())");
		unsigned n = rnd_below(100);
		if (n < 30)
			attr(f, "@db.Timestamptz(3)");
		else if (n < 40)
			attr(f, "@db.Timestamp(6)");
	}
	decorate(m, f);
}

static void gen_json(struct model *m)
{
	char nm[32];
	pick_name(m, JSON_NAMES, COUNT(JSON_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, C_JSON);
	int optional = chance(55);
	settype(f, "Json", optional);
	if (chance(20))
		attr(f, "@db.Json");
	else
		f->jsonb = 1;
	if (!optional && chance(40))
		attr(f, "@default(\"%s\")", chance(70) ? "{}" : "[]");
	decorate(m, f);
}

static void gen_bytes(struct model *m)
{
	char nm[32];
	pick_name(m, BYTES_NAMES, COUNT(BYTES_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, C_BYTES);
	settype(f, "Bytes", chance(80));
	if (chance(10))
		attr(f, "@db.ByteA");
	decorate(m, f);
}

static void gen_enum_field(struct model *m)
{
	struct genum *e;
	if (g_enum_cursor < g_nenums)
		e = &g_enums[g_enum_cursor++];
	else
		e = &g_enums[rnd_below((unsigned)g_nenums)];
	e->used = 1;
	char lk[32], nm[32];
	lower_first(ENUM_KINDS[e->kind].kind, lk, sizeof lk);
	if (name_free(m, lk)) {
		bfmt(nm, sizeof nm, "%s", lk);
	} else {
		char st[32];
		stem_of(e->name, FIELD_MAX, st, sizeof st);
		uniq(m, st, nm, sizeof nm);
	}
	struct field *f = add_field(m, nm, G_SCALAR, C_ENUM);
	settype(f, e->name, chance(20));
	if (chance(60))
		attr(f, "@default(%s)", chance(70) ? e->vals[0] : e->vals[rnd_below((unsigned)e->nvals)]);
	decorate(m, f);
}

static void gen_list(struct model *m, int ints)
{
	char nm[32];
	if (ints)
		pick_name(m, INTLIST_NAMES, COUNT(INTLIST_NAMES), nm, sizeof nm);
	else
		pick_name(m, STRLIST_NAMES, COUNT(STRLIST_NAMES), nm, sizeof nm);
	struct field *f = add_field(m, nm, G_SCALAR, ints ? C_INTLIST : C_STRLIST);
	settype(f, ints ? "Int[]" : "String[]", 0);
	if (chance(30))
		attr(f, "@default([])");
	decorate(m, f);
}

static void gen_random_scalar(struct model *m)
{
	static const struct {
		int cls;
		unsigned w;
	} W[] = {
		{C_STRING, 27}, {C_INT, 10}, {C_BIGINT, 3}, {C_FLOAT, 7}, {C_DECIMAL, 8},
		{C_BOOL, 8},    {C_DATETIME, 12}, {C_JSON, 4}, {C_BYTES, 2}, {C_ENUM, 10},
		{C_STRLIST, 3}, {C_INTLIST, 2},
	};
	unsigned total = 0;
	for (size_t i = 0; i < COUNT(W); i++)
		total += W[i].w;
	unsigned r = rnd_below(total);
	int cls = C_STRING;
	for (size_t i = 0; i < COUNT(W); i++) {
		if (r < W[i].w) {
			cls = W[i].cls;
			break;
		}
		r -= W[i].w;
	}
	/* make sure every enum is used before enums are reused */
	if (cls == C_STRING && g_enum_cursor < g_nenums && chance(20))
		cls = C_ENUM;
	switch (cls) {
	case C_STRING: gen_string(m, 0); break;
	case C_INT: gen_int(m); break;
	case C_BIGINT: gen_bigint(m); break;
	case C_FLOAT: gen_float(m); break;
	case C_DECIMAL: gen_decimal(m); break;
	case C_BOOL: gen_bool(m); break;
	case C_DATETIME: gen_datetime(m); break;
	case C_JSON: gen_json(m); break;
	case C_BYTES: gen_bytes(m); break;
	case C_ENUM:
		if (g_nenums)
			gen_enum_field(m);
		else
			gen_string(m, 0);
		break;
	case C_STRLIST: gen_list(m, 0); break;
	default: gen_list(m, 1); break;
	}
}

static size_t count_scalars(void)
{
	size_t n = 0;
	for (size_t i = 0; i < g_nmodels; i++)
		for (size_t j = 0; j < g_models[i].nf; j++)
			if (g_models[i].f[j].cls != C_RELATION)
				n++;
	return n;
}

static void distribute_filler(size_t total)
{
	uint64_t *w = xrealloc(NULL, g_nmodels * sizeof *w), sum = 0;
	for (size_t i = 0; i < g_nmodels; i++) {
		w[i] = 250 + ((2500 * rnd_sq32()) >> 32);
		if (chance(5))
			w[i] *= 3;
		if (i < g_nmodels / 10) /* the hub models are also the wide ones */
			w[i] *= 2;
		sum += w[i];
	}
	size_t given = 0;
	for (size_t i = 0; i < g_nmodels; i++) {
		g_models[i].filler = (unsigned)((uint64_t)total * w[i] / sum);
		given += g_models[i].filler;
	}
	while (given < total) {
		g_models[rnd_below((unsigned)g_nmodels)].filler++;
		given++;
	}
	free(w);
}

static void gen_scalars(struct model *m)
{
	unsigned k = m->filler;
	int stamps = k >= 2 && chance(85);
	if (stamps)
		k -= 2;
	if (k > 0 && chance(65)) {
		gen_string(m, 1);
		k--;
	}
	if (k > 0 && chance(60)) {
		char nm[32];
		uniq(m, chance(70) ? "name" : "description", nm, sizeof nm);
		struct field *f = add_field(m, nm, G_SCALAR, C_STRING);
		int optional = !strcmp(nm, "description") || chance(20);
		settype(f, "String", optional);
		if (chance(50))
			attr(f, "@db.VarChar(%u)", chance(50) ? 255u : 200u);
		decorate(m, f);
		k--;
	}
	while (k-- > 0)
		gen_random_scalar(m);
	if (stamps) {
		char nm[32];
		uniq(m, "createdAt", nm, sizeof nm);
		struct field *f = add_field(m, nm, G_TIME, C_DATETIME);
		settype(f, "DateTime", 0);
		attr(f, "@default(now())");
		int tz = chance(30);
		if (tz)
			attr(f, "@db.Timestamptz(3)");
		uniq(m, "updatedAt", nm, sizeof nm);
		f = add_field(m, nm, G_TIME, C_DATETIME);
		settype(f, "DateTime", 0);
		attr(f, "@updatedAt");
		if (tz)
			attr(f, "@db.Timestamptz(3)");
	}
}

/* ------------------------------------------------------------ indexes */

static int indexable(const struct field *f)
{
	switch (f->cls) {
	case C_STRING: case C_INT: case C_BIGINT: case C_FLOAT: case C_DECIMAL: case C_BOOL:
	case C_DATETIME: case C_ENUM:
		return 1;
	default:
		return 0;
	}
}

/*
 * @@index / @@unique over fields idx[0..n) of m. type: NULL (btree default), "Hash",
 * "Brin", "Gin", "BTree". desc[i]: sort: Desc on that column.
 */
static void add_index(struct model *m, int unique, const size_t *idx, size_t n, const int *desc,
		      const char *type)
{
	char sig[200], cols[200] = "", list[300] = "";
	size_t sl = 0, cl = 0, ll = 0;
	sl += (size_t)bfmt(sig, sizeof sig, "%s%s:", unique ? "U" : "I", type ? type : "");
	for (size_t i = 0; i < n; i++) {
		const struct field *f = &m->f[idx[i]];
		sl += (size_t)bfmt(sig + sl, sl < sizeof sig ? sizeof sig - sl : 0, "%s%s", i ? "," : "", f->col);
		cl += (size_t)bfmt(cols + cl, cl < sizeof cols ? sizeof cols - cl : 0, "%s%s", i ? "_" : "", f->col);
		ll += (size_t)bfmt(list + ll, ll < sizeof list ? sizeof list - ll : 0, "%s%s%s", i ? ", " : "", f->name,
				       desc && desc[i] ? "(sort: Desc)" : "");
	}
	if (sl >= sizeof sig || cl >= sizeof cols || ll >= sizeof list)
		return;
	if (has_sig(m, sig))
		return;
	add_sig(m, sig);
	char db[80], line[400];
	int map = reserve_name(m->table, cols, unique ? "key" : "idx", db, sizeof db);
	size_t n2 = (size_t)bfmt(line, sizeof line, "@@%s([%s]", unique ? "unique" : "index", list);
	if (type)
		n2 += (size_t)bfmt(line + n2, sizeof line - n2, ", type: %s", type);
	if (map)
		n2 += (size_t)bfmt(line + n2, sizeof line - n2, ", map: \"%s\"", db);
	bfmt(line + n2, sizeof line - n2, ")");
	add_blk(m, line);
}

static void gen_indexes(struct model *m)
{
	size_t *cand = xrealloc(NULL, (m->nf ? m->nf : 1) * sizeof *cand), nc = 0;
	size_t *gin = xrealloc(NULL, (m->nf ? m->nf : 1) * sizeof *gin), ng = 0;
	for (size_t i = 0; i < m->nf; i++) {
		const struct field *f = &m->f[i];
		if (indexable(f) && !f->wide && !(f->in_pk && !m->composite && f->grp == G_ID))
			cand[nc++] = i;
		if (f->jsonb || f->cls == C_STRLIST || f->cls == C_INTLIST)
			gin[ng++] = i;
	}
	/* foreign keys: PostgreSQL does not index them by itself */
	for (size_t i = 0; i < m->nf; i++) {
		const struct field *f = &m->f[i];
		if (f->is_fk && !f->unique && !f->in_pk && chance(55))
			add_index(m, 0, &i, 1, NULL, NULL);
	}
	unsigned extra = (unsigned)(m->nf / 15) + rnd_below(2);
	if (extra > 3)
		extra = 3;
	for (unsigned e = 0; e < extra && nc > 0; e++) {
		unsigned r = rnd_below(100);
		if (r < 8) {
			size_t i = cand[rnd_below((unsigned)nc)];
			if (m->f[i].cls == C_STRING || m->f[i].cls == C_INT)
				add_index(m, 0, &i, 1, NULL, "Hash");
		} else if (r < 14) {
			for (size_t t = 0; t < nc; t++) {
				size_t i = cand[(t + rnd_below((unsigned)nc)) % nc];
				if (m->f[i].cls == C_DATETIME) {
					add_index(m, 0, &i, 1, NULL, "Brin");
					break;
				}
			}
		} else if (r < 24 && ng > 0) {
			size_t i = gin[rnd_below((unsigned)ng)];
			add_index(m, 0, &i, 1, NULL, "Gin");
		} else {
			size_t n = 1 + rnd_below(3), idx[3];
			int desc[3];
			if (n > nc)
				n = nc;
			size_t got = 0;
			for (size_t t = 0; t < n * 3 && got < n; t++) {
				size_t i = cand[rnd_below((unsigned)nc)];
				int dup = 0;
				for (size_t q = 0; q < got; q++)
					dup |= idx[q] == i;
				if (dup)
					continue;
				desc[got] = m->f[i].cls == C_DATETIME && chance(40);
				idx[got++] = i;
			}
			add_index(m, 0, idx, got, desc, r < 28 ? "BTree" : NULL);
		}
	}
	if (nc >= 2 && chance(22)) {
		size_t n = chance(20) && nc >= 3 ? 3 : 2, idx[3], got = 0;
		for (size_t t = 0; t < 12 && got < n; t++) {
			size_t i = cand[rnd_below((unsigned)nc)];
			int dup = 0;
			for (size_t q = 0; q < got; q++)
				dup |= idx[q] == i;
			if (!dup && m->f[i].cls != C_FLOAT && m->f[i].cls != C_BOOL)
				idx[got++] = i;
		}
		if (got >= 2)
			add_index(m, 1, idx, got, NULL, NULL);
	}
	free(cand);
	free(gin);
}

/* ------------------------------------------------------------ output */

static int cmp_field(const void *a, const void *b)
{
	const struct field *x = a, *y = b;
	if (x->grp != y->grp)
		return x->grp < y->grp ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void emit_model(FILE *out, struct model *m)
{
	qsort(m->f, m->nf, sizeof *m->f, cmp_field);
	size_t wn = 0, wt = 0;
	for (size_t i = 0; i < m->nf; i++) {
		if (strlen(m->f[i].name) > wn)
			wn = strlen(m->f[i].name);
		if (strlen(m->f[i].type) > wt)
			wt = strlen(m->f[i].type);
	}
	if (m->doc[0])
		fprintf(out, "%s\n", m->doc);
	fprintf(out, "model %s {\n", m->name);
	int last = -1;
	for (size_t i = 0; i < m->nf; i++) {
		struct field *f = &m->f[i];
		if (f->grp != last) {
			if (f->grp == G_REL && last != -1)
				fprintf(out, "\n  // relations\n");
			else if (f->grp == G_TIME && last != -1)
				fprintf(out, "\n  // audit\n");
			else if (f->grp == G_BACK && last != -1)
				fprintf(out, "\n");
			last = f->grp;
		}
		if (f->doc)
			fprintf(out, "  %s\n", f->doc);
		char attrs[600];
		bfmt(attrs, sizeof attrs, "%s", f->attrs);
		if (f->col[0] && strcmp(f->col, f->name)) {
			size_t l = strlen(attrs);
			bfmt(attrs + l, sizeof attrs - l, "%s@map(\"%s\")", l ? " " : "", f->col);
		}
		char line[800];
		if (attrs[0])
			bfmt(line, sizeof line, "  %-*s %-*s %s", (int)wn, f->name, (int)wt, f->type, attrs);
		else
			bfmt(line, sizeof line, "  %-*s %s", (int)wn, f->name, f->type);
		if (f->trail) {
			size_t l = strlen(line);
			bfmt(line + l, sizeof line - l, " %s", f->trail);
		}
		fprintf(out, "%s\n", line);
	}
	if (m->nb || m->mapped)
		fprintf(out, "\n");
	for (size_t i = 0; i < m->nb; i++)
		fprintf(out, "  %s\n", m->blk[i].text);
	if (m->mapped)
		fprintf(out, "  @@map(\"%s\")\n", m->table);
	fprintf(out, "}\n\n");
}

static void emit_enum(FILE *out, const struct genum *e)
{
	if (e->doc) {
		char words[64];
		snake(e->name, words, sizeof words);
		for (char *p = words; *p; p++)
			if (*p == '_')
				*p = ' ';
		fprintf(out, "/// Allowed values of the %s.\n", words);
	}
	fprintf(out, "enum %s {\n", e->name);
	for (int i = 0; i < e->nvals; i++) {
		if (e->mapvals) {
			char lo[48];
			size_t j = 0;
			for (; e->vals[i][j] && j + 1 < sizeof lo; j++)
				lo[j] = (char)to_lower((unsigned char)e->vals[i][j]);
			lo[j] = '\0';
			fprintf(out, "  %s @map(\"%s\")\n", e->vals[i], lo);
		} else {
			fprintf(out, "  %s\n", e->vals[i]);
		}
	}
	if (strcmp(e->dbname, e->name))
		fprintf(out, "\n  @@map(\"%s\")\n", e->dbname);
	fprintf(out, "}\n\n");
}

/* ------------------------------------------------------------ main */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: gen_schema [--models N] [--enums N] [--fields N] [--relations N]\n"
		"                  [--seed N] [-o FILE] [--stats]\n"
		"Writes a synthetic MES Prisma schema (PostgreSQL) to stdout or FILE.\n"
		"  --models N     models (default 400)\n"
		"  --enums N      enums (default 300)\n"
		"  --fields N     scalar fields over all models, ids and foreign keys included\n"
		"                 (default 8000)\n"
		"  --relations N  relations: 1:n, 1:1, self and implicit m:n (default 700)\n"
		"  --seed N       PRNG seed (default 1); same seed, same schema\n"
		"  -o FILE        write to FILE instead of stdout\n"
		"  --stats        print the generated counts to stderr\n");
}

static int parse_num(const char *opt, const char *s, unsigned long long *out)
{
	char *end;
	if (!s || !*s || *s == '-') {
		fprintf(stderr, "gen_schema: %s needs a non-negative number\n", opt);
		return -1;
	}
	errno = 0;
	*out = strtoull(s, &end, 10);
	if (errno || *end) {
		fprintf(stderr, "gen_schema: bad number for %s: \"%s\"\n", opt, s);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long models = 400, enums = 300, fields = 8000, relations = 700, seed = 1;
	const char *outpath = NULL;
	int stats = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL;
		unsigned long long *dst = NULL;
		char opt[32];
		const char *eq = strchr(a, '=');
		size_t olen = eq ? (size_t)(eq - a) : strlen(a);
		bfmt(opt, sizeof opt, "%.*s", (int)olen, a);
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--stats")) {
			stats = 1;
			continue;
		} else if (!strcmp(opt, "--models")) {
			dst = &models;
		} else if (!strcmp(opt, "--enums")) {
			dst = &enums;
		} else if (!strcmp(opt, "--fields")) {
			dst = &fields;
		} else if (!strcmp(opt, "--relations")) {
			dst = &relations;
		} else if (!strcmp(opt, "--seed")) {
			dst = &seed;
		} else if (!strcmp(opt, "-o") || !strcmp(opt, "--output")) {
			if (eq)
				outpath = eq + 1;
			else if (i + 1 < argc)
				outpath = argv[++i];
			else {
				fprintf(stderr, "gen_schema: -o needs a file name\n");
				return 2;
			}
			continue;
		} else {
			fprintf(stderr, "gen_schema: unknown option \"%s\"\n", a);
			usage(stderr);
			return 2;
		}
		val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
		if (parse_num(opt, val, dst))
			return 2;
	}
	if (models < 1 || models > 100000 || enums > 100000 || fields > 10000000 || relations > 1000000) {
		fprintf(stderr, "gen_schema: sizes out of range (models 1..100000, enums ..100000, "
				"fields ..10000000, relations ..1000000)\n");
		return 2;
	}

	rng_state = seed * 0x2545F4914F6CDD1DULL + 0x1234567ULL;

	gen_model_names((size_t)models);
	gen_enum_names((size_t)enums);
	gen_enums();
	size_t ncomposite = models >= 4 ? (size_t)(models / 30 ? models / 30 : 1) : 0;
	setup_models(ncomposite);
	plan_relations((size_t)relations);
	finish_composite_keys();

	size_t fixed = count_scalars();
	if (fixed > fields)
		fprintf(stderr, "gen_schema: note: ids and foreign keys alone need %zu scalar fields "
				"(asked for %llu)\n", fixed, fields);
	distribute_filler(fixed < fields ? (size_t)fields - fixed : 0);
	for (size_t i = 0; i < g_nmodels; i++)
		gen_scalars(&g_models[i]);
	for (size_t i = 0; i < g_nmodels; i++)
		gen_indexes(&g_models[i]);

	FILE *out = stdout;
	if (outpath) {
		out = fopen(outpath, "w");
		if (!out) {
			fprintf(stderr, "gen_schema: cannot open \"%s\": %s\n", outpath, strerror(errno));
			return 1;
		}
	}
	size_t nscalar = count_scalars(), nidx = 0;
	for (size_t i = 0; i < g_nmodels; i++)
		nidx += g_models[i].nb;

	fprintf(out, "// Synthetic MES schema written by gen_schema (seed %llu): %zu models, %zu enums,\n"
		     "// %zu scalar fields, %llu relations. Deterministic for a given seed; used by the\n"
		     "// mesdb benchmarks. Do not edit by hand: regenerate it.\n\n",
		seed, g_nmodels, g_nenums, nscalar, relations);
	fprintf(out, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n");
	fprintf(out, "generator client {\n  provider = \"prisma-client-js\"\n}\n\n");
	if (g_nenums)
		fprintf(out, "// ------------------------------------------------------------ enums\n\n");
	for (size_t i = 0; i < g_nenums; i++)
		emit_enum(out, &g_enums[i]);
	fprintf(out, "// ------------------------------------------------------------ models\n\n");
	for (size_t i = 0; i < g_nmodels; i++)
		emit_model(out, &g_models[i]);

	int err = ferror(out);
	if (outpath && fclose(out))
		err = 1;
	else if (!outpath && fflush(out))
		err = 1;
	if (err) {
		fprintf(stderr, "gen_schema: write error\n");
		return 1;
	}
	if (stats)
		fprintf(stderr, "gen_schema: %zu models, %zu enums, %zu scalar fields, %llu relations, "
				"%zu block attributes\n", g_nmodels, g_nenums, nscalar, relations, nidx);

	for (size_t i = 0; i < g_nmodels; i++) {
		free(g_models[i].f);
		free(g_models[i].blk);
		free(g_models[i].sig);
	}
	free(g_models);
	free(g_enums);
	strmap_free(&g_psl);
	strmap_free(&g_db);
	strmap_free(&g_rel);
	return 0;
}
