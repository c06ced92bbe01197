SELECT
  zz.id,
  zz.e
FROM
  b.zz;