// Renders build/icon.svg to the PNG electron-builder turns into each platform's icon (.ico, .icns, Linux sizes).
// Run after changing the SVG: `node scripts/make-icons.mjs`.
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const svg = fileURLToPath(new URL('../build/icon.svg', import.meta.url));
const png = fileURLToPath(new URL('../build/icon.png', import.meta.url));
await sharp(svg, { density: 144 }).resize(1024, 1024).png({ compressionLevel: 9 }).toFile(png);
console.log(`wrote ${png}`);
