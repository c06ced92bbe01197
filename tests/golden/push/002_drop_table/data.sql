INSERT INTO "Post"(title) VALUES ($$a$$),($$b$$);
