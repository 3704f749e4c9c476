/**
 * The asset ids a retention event's `files` query names. Purview's query for SharePoint and OneDrive is KQL over
 * `ComplianceAssetId`: `ComplianceAssetId:"A-1" OR ComplianceAssetId:"B 2"`, a bare `4815`, or ids separated by
 * commas. Quoted phrases are taken whole (a comma or " OR " inside quotes belongs to the id); the property name is
 * matched ignoring case. Anything that is not an asset id (another property, a wildcard) is returned in `other`
 * so a preview can say it cannot be evaluated here.
 *
 * @example parseAssetIdQuery('ComplianceAssetId:"O\'Brien, 7" OR 4815') // { assetIds: ["O'Brien, 7", '4815'], other: [] }
 */
export function parseAssetIdQuery(query: string): { assetIds: string[]; other: string[] } {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (!quoted && c === ',') {
      terms.push(current);
      current = '';
    } else if (!quoted && /\s/.test(c) && /^OR\s/i.test(query.slice(i + 1, i + 4)) && (current.trim() !== '' || terms.length)) {
      terms.push(current);
      current = '';
      i += 3;
    } else current += c;
  }
  terms.push(current);
  const assetIds: string[] = [];
  const other: string[] = [];
  for (const raw of terms) {
    const term = raw.trim();
    const property = /^([A-Za-z][A-Za-z0-9_]*)\s*:\s*(.*)$/s.exec(term);
    const value = property ? property[2] : term;
    if (property && property[1].toLowerCase() !== 'complianceassetid') {
      other.push(term);
      continue;
    }
    const unquoted = /^"(.*)"$/s.exec(value);
    const id = unquoted ? unquoted[1] : value;
    if (!unquoted && /[*()]/.test(id)) other.push(term);
    else if (id !== '') assetIds.push(id);
  }
  return { assetIds, other };
}
