export * from './client.js';
export * from './publish.js';
export * from './rules.js';
