// Copies what tsc does not: the SVG icons (light and dark) into dist/icons, where the compiled node
// and credential point (`file:../../icons/…`, resolved relative to the compiled .js file, as in
// n8n's node starter), and the node's codex file next to the compiled node.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = parallel(copyIcons, copyCodex);
