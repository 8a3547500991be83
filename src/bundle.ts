// The bundle's entry: dist/index.js, dist/post.js and dist/cli.js each call one of these.
export { runMain } from './main.js';
export { runPost } from './post.js';
export { runCli } from './cli.js';
