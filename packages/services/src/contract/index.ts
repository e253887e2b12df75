export { serviceBackendContract } from './serviceBackendContract.js';
export type { ContractCase } from './ContractCase.js';
