// Compiles Senda's Sass (govuk-frontend with Arial) and copies the scripts and images the pages
// need into target/classes/static, so that the jar and spring-boot:run serve them.
import * as sass from 'sass';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'target', 'classes', 'static');
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk');

mkdirSync(join(out, 'css'), { recursive: true });
mkdirSync(join(out, 'js'), { recursive: true });

const css = sass.compile(join(root, 'src', 'main', 'frontend', 'senda.scss'), {
  loadPaths: [join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
writeFileSync(join(out, 'css', 'senda.css'), css.css);

cpSync(join(govuk, 'govuk-frontend.min.js'), join(out, 'js', 'govuk-frontend.min.js'));
cpSync(join(root, 'node_modules', 'htmx.org', 'dist', 'htmx.min.js'), join(out, 'js', 'htmx.min.js'));
cpSync(join(govuk, 'assets', 'images', 'favicon.ico'), join(out, 'favicon.ico'));
cpSync(join(root, 'src', 'main', 'frontend', 'js'), join(out, 'js'), { recursive: true });
console.log('Front end built into ' + out);
