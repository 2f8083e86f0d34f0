'use strict';
/*
 * autocannon's `onResponse` for bench/load.bench.ts's write scenario, in autocannon's worker
 * thread: appends the id of every announcement the API answered 201 for to the file named by
 * BENCH_ACKNOWLEDGED_WRITES, so the bench can compare exactly what was acknowledged with what
 * is stored.
 */
const { appendFileSync } = require('node:fs');

module.exports = function onResponse(status, body) {
  if (status !== 201) return;
  appendFileSync(process.env.BENCH_ACKNOWLEDGED_WRITES, `${JSON.parse(body).id}\n`);
};
