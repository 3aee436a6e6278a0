// Copies what tsc does not: the SVG icons next to the compiled node and credential (n8n resolves
// `file:` icons relative to the compiled .js file) and the node's codex file. The icons live next
// to their .ts sources so n8n's linter (icon-validation) can check that they exist.
const { src, dest, parallel } = require('gulp');

function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json']).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src('credentials/**/*.svg').pipe(dest('dist/credentials'));
}

exports['build:icons'] = parallel(copyNodeAssets, copyCredentialAssets);
