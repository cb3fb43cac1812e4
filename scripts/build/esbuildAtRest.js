// Serverless plugin for `serverless offline`: once serverless-esbuild has bundled the functions
// (and after each rebuild its watcher makes), the esbuild service process is stopped. It would
// otherwise sit at about 1.3 GB for as long as the local stack runs (Go keeps what the 29 bundles
// took); the next build starts a new one by itself. Listed after serverless-esbuild, so its hook
// runs after the bundling.
'use strict';

class EsbuildAtRest {
  constructor(serverless) {
    const rest = () => {
      // The same esbuild module serverless-esbuild loads (one copy, at the repository's root).
      require('esbuild').stop();
    };
    this.hooks = {
      'before:offline:start': rest,
      'before:offline:start:init': rest,
    };
    // A rebuild on a changed file goes through the bundling again: rest after it too.
    const esbuildPlugin = serverless.pluginManager.plugins.find((p) => p.constructor && p.constructor.name === 'EsbuildServerlessPlugin');
    if (esbuildPlugin && typeof esbuildPlugin.bundle === 'function') {
      const bundle = esbuildPlugin.bundle.bind(esbuildPlugin);
      esbuildPlugin.bundle = async (...args) => {
        const result = await bundle(...args);
        rest();
        return result;
      };
    }
  }
}

module.exports = EsbuildAtRest;
