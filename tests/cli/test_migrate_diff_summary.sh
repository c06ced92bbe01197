#!/bin/bash
# test_migrate_diff_summary.sh - migrate diff's human summary equals Prisma's (tests/golden/summary/*.txt)
# Each NAME.txt is Prisma 6.19's stdout of `migrate diff --from-schema-datamodel
# diff/NAME/a.prisma --to-schema-datamodel diff/NAME/b.prisma` (oracle.sh migrate-diff).
. "$(dirname "$0")/lib.sh"
G="$(cd "$(dirname "$0")/../golden" && pwd)"
for want in "$G"/summary/*.txt; do
	n=$(basename "$want" .txt)
	test_case "summary $n"
	run "$MESDB" migrate diff --from-schema-datamodel "$G/diff/$n/a.prisma" \
		--to-schema-datamodel "$G/diff/$n/b.prisma"
	expect_code 0
	expect_out_file "$want"
done
finish
