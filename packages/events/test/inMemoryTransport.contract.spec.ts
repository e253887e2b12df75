import { InMemoryTransport } from '../src/index.js';
import { transportContract } from '../src/contract/index.js';

describe('InMemoryTransport', () => {
  describe('when held to the transport contract', () => {
    for (const contractCase of transportContract(() => Promise.resolve(new InMemoryTransport()))) {
      it(`should pass: ${contractCase.name}`, contractCase.run);
    }
  });
});
