// Compiles Styles/site.scss with the NHS.UK design system and copies its script and images into
// wwwroot/lib/nhsuk, and the scorm-again SCORM runtime into wwwroot/lib/scorm-again. Run by the .NET build
// (see CareReady.Web.csproj), so a fresh clone just works.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nhsuk = join(root, "node_modules", "nhsuk-frontend", "dist", "nhsuk");
const out = join(root, "wwwroot", "lib", "nhsuk");

mkdirSync(out, { recursive: true });
const result = sass.compile(join(root, "Styles", "site.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "site.css"), result.css);
cpSync(join(nhsuk, "nhsuk-frontend.min.js"), join(out, "nhsuk-frontend.min.js"));
cpSync(join(nhsuk, "assets"), join(out, "assets"), { recursive: true });
// The SCORM runtime the launch page hosts (src/CareReady.Web/Scorm/Launch.cshtml).
const scorm = join(root, "node_modules", "scorm-again", "dist");
const scormOut = join(root, "wwwroot", "lib", "scorm-again");
mkdirSync(scormOut, { recursive: true });
for (const file of ["scorm12.min.js", "scorm2004.min.js"]) {
  cpSync(join(scorm, file), join(scormOut, file));
}
console.log("CareReady assets built into wwwroot/lib/nhsuk and wwwroot/lib/scorm-again");
