export {
  storageDriverContract,
  type StorageContractCase,
  type StorageContractOptions,
} from './storageDriverContract.js';
