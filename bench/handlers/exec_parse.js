// The Node exec-mode handler of the handlers scenario: `node exec_parse.js` reads the payload
// on stdin, parses it and prints work(payload) (work.js) as the result.
'use strict';

const { work } = require('./work.js');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(work(JSON.parse(Buffer.concat(chunks).toString('utf8')))));
});
