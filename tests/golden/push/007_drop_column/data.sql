INSERT INTO "User" VALUES (1,$$n$$,$$e$$);
