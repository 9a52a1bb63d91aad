/** CKAN's rules live with the datasets (export checks them); publish uses the same functions. */
export * from '../datasets/ckan.js';
