import { asyncRunnerSource, syncRunnerSource } from './generateRunner.js';
import { SeriesMode } from './SeriesMode.js';

describe('generated runners', () => {
  describe('when a synchronous runner is generated', () => {
    it.each([
      ['filter', SeriesMode.Filter],
      ['notify', SeriesMode.Notify],
      ['collect', SeriesMode.Collect],
    ])('should produce the reviewed straight-line code for %s', (_name, mode) => {
      expect(syncRunnerSource(2, mode)).toMatchSnapshot();
    });

    it('should bind handlers by position (hostile names: test/generatedSource.spec.ts)', () => {
      const source = syncRunnerSource(3, SeriesMode.Filter);
      expect(source).toContain('r = f2(v, c2);');
    });
  });

  describe('when an asynchronous runner is generated', () => {
    it('should reuse contexts of sync handlers and make fresh ones for async handlers', () => {
      const source = asyncRunnerSource([true, false], SeriesMode.Filter);
      expect(source).toContain('m = c0[sm]; r = f0(v, c0);');
      expect(source).toContain('x = new Ctx(event, p1, kind); m = 0; r = f1(v, x);');
      expect(source).toMatchSnapshot();
    });
  });
});
