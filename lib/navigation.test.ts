import { describe, expect, it } from 'vitest';
import { sectionByHref, sectionFor, sections } from './navigation';

describe('console sections', () => {
  it('lists the sections the walkthrough needs, each with a unique path', () => {
    expect(sections.map((s) => s.label)).toEqual([
      'Overview',
      'Gateways',
      'Routes',
      'Certificates',
      'Reference grants',
      'Topology',
      'Verify',
      'Migrate',
      'YAML',
    ]);
    expect(new Set(sections.map((s) => s.href)).size).toBe(sections.length);
  });

  it('maps nested paths to their section and only the root to Overview', () => {
    expect(sectionFor('/routes/default/http')?.label).toBe('Routes');
    expect(sectionFor('/')?.label).toBe('Overview');
    expect(sectionFor('/routesx')).toBeUndefined();
    expect(sectionFor('/unknown')).toBeUndefined();
  });

  it('refuses an unknown href', () => {
    expect(() => sectionByHref('/nope')).toThrow('/nope');
  });
});
