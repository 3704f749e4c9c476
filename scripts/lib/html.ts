/** The one escaping helper for text and attribute values written into HTML or XML by the build scripts. */
export function escapeMarkup(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A page shell: the app renders into #root; nothing from data is ever written here. */
export function pageHtml(options: { title: string; script: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeMarkup(options.title)}</title>
    <link rel="icon" href="/assets/icon-32.png" />
  </head>
  <body style="margin:0">
    <div id="root"></div>
    <script type="module" src="${escapeMarkup(options.script)}"></script>
  </body>
</html>
`;
}

/** The start page of `npm start`: a link to each surface. */
export function startPageHtml(links: readonly { href: string; title: string; description: string }[]): string {
  const items = links
    .map((link) => `      <li><a href="${escapeMarkup(link.href)}">${escapeMarkup(link.title)}</a>: ${escapeMarkup(link.description)}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Custodian</title>
    <link rel="icon" href="/assets/icon-32.png" />
    <style>body{font-family:'Segoe UI',system-ui,sans-serif;margin:2rem;line-height:1.5;color:#242424}a{color:#0f6cbd}</style>
  </head>
  <body>
    <main>
      <h1>Custodian</h1>
      <p>Records management where people already work in Microsoft 365. Each surface runs here in demo mode.</p>
      <ul>
${items}
      </ul>
    </main>
  </body>
</html>
`;
}
