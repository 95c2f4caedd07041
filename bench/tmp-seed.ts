import { seededDatabase, removeDatabase } from './seed-incidents.js';
for (const n of process.argv.slice(2).map(Number)) removeDatabase(seededDatabase(n, Date.now()));
