import { InMemoryServiceBackend } from '../src/index.js';
import { serviceBackendContract } from '../src/contract/index.js';

describe('InMemoryServiceBackend', () => {
  describe('when held to the service backend contract', () => {
    for (const contractCase of serviceBackendContract(() => Promise.resolve(new InMemoryServiceBackend()))) {
      it(`should pass: ${contractCase.name}`, contractCase.run);
    }
  });
});
