/** Public API of the datasets stage (plans → open data files per Постанова КМУ № 835). */
export * from './tables.js';
export * from './records.js';
export * from './serialize.js';
export * from './metadata.js';
export * from './passport.js';
export * from './export.js';
export * from './read.js';
export * from './load.js';
