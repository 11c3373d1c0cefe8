import { compareTierLabels } from '../compare-tier-labels.util';

describe('compareTierLabels', () => {
  it('orders bands by their lower bound, no tier first', () => {
    expect(['15000001:MAX', '750001:15000000', null, '0:750000'].sort(compareTierLabels)).toEqual([
      null,
      '0:750000',
      '750001:15000000',
      '15000001:MAX',
    ]);
  });
});
