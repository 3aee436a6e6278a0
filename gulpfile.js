// Copies what tsc does not: the SVG icon next to the compiled node and credential (n8n resolves
// `file:` icons relative to the compiled .js file) and the node's codex file.
const { src, dest, parallel } = require('gulp');

function copyIconToNode() {
	return src('icons/*.svg').pipe(dest('dist/nodes/ActiveCampaignV3'));
}

function copyIconToCredential() {
	return src('icons/*.svg').pipe(dest('dist/credentials'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = parallel(copyIconToNode, copyIconToCredential, copyCodex);
