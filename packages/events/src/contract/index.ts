export { transportContract } from './transportContract.js';
export type { ContractCase } from './ContractCase.js';
export type { TransportContractOptions } from './TransportContractOptions.js';
