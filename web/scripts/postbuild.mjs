// After Vite: gzip copies of the assets (the server sends them to clients
// that accept gzip), the API reference page's script (Redoc) under
// /vendor, and the size of the JavaScript sent, compressed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
fs.mkdirSync(path.join(dist, 'vendor'), { recursive: true });
fs.copyFileSync(new URL('../node_modules/redoc/bundles/redoc.standalone.js', import.meta.url).pathname,
                path.join(dist, 'vendor', 'redoc.standalone.js'));
let js = 0, jsgz = 0;
function walk(dir) {
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) { walk(p); continue; }
    if (!/\.(js|css|html|svg|json)$/.test(f)) continue;
    const raw = fs.readFileSync(p);
    const gz = zlib.gzipSync(raw, { level: 9 });
    fs.writeFileSync(p + '.gz', gz);
    if (f.endsWith('.js') && !p.includes(`${path.sep}vendor${path.sep}`)) { js += raw.length; jsgz += gz.length; }
  }
}
walk(dist);
console.log(`console JavaScript: ${(js / 1024).toFixed(0)} KB, ${(jsgz / 1024).toFixed(0)} KB gzipped`);
fs.writeFileSync(path.join(dist, 'size.json'), JSON.stringify({ js_bytes: js, js_gzip_bytes: jsgz }));
