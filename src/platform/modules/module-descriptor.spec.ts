import { descriptorProblems, ModuleDescriptor } from './module-descriptor';

const moduleCalled = (name: string, urlPrefixes: string[], allowedDependencies: string[] = []): ModuleDescriptor => ({
  name,
  summary: `${name}.`,
  urlPrefixes,
  allowedDependencies,
});

describe('module descriptors', () => {
  it('accept modules with their own prefixes that depend on known modules', () => {
    expect(
      descriptorProblems([moduleCalled('reviews', ['reviews'], ['ratings']), moduleCalled('ratings', ['ratings'])]),
    ).toEqual([]);
  });

  it('name every problem in one line', () => {
    expect(
      descriptorProblems([
        moduleCalled('Reviews', ['reviews/all', 'health', 'shared'], ['reviews', 'ghosts']),
        moduleCalled('ratings', ['shared']),
      ]),
    ).toEqual([
      '"Reviews" is not a module name (lower case, digits, _)',
      'Reviews: "reviews/all" is not a URL prefix (one segment)',
      'Reviews: the platform serves /health',
      'Reviews: may depend on an unknown module "reviews"',
      'Reviews: may depend on an unknown module "ghosts"',
      "ratings: /shared is Reviews's URL prefix already",
    ]);
  });

  it('refuse a module that depends on itself', () => {
    expect(descriptorProblems([moduleCalled('reviews', ['reviews'], ['reviews'])])).toEqual([
      'reviews: a module does not depend on itself',
    ]);
  });
});
