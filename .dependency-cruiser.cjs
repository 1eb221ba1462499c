/**
 * The boundaries of the code, checked in `npm test`: the platform knows no capability; a
 * capability (and the composition root) uses another only through its index.ts; no cycles between
 * folders.
 */
const CAPABILITY = '^src/(?!platform/)([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-capability',
      comment: 'src/platform is the ground floor: capabilities register with it at composition (src/app.ts, src/capabilities.ts).',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'capability-through-its-index',
      comment: "Another capability's internals are its own: use what its index.ts exports.",
      severity: 'error',
      from: { path: CAPABILITY },
      to: { path: CAPABILITY, pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'composition-root-through-index',
      comment: 'app.ts, main.ts and capabilities.ts compose capabilities through their index.ts.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.tsx?$' },
      to: { path: CAPABILITY, pathNot: '^src/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-loop-between-folders',
      comment: 'Two capabilities that import each other are one; offer a slot instead (platform/slots.ts).',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
