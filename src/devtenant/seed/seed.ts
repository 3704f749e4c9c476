import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { personas, personaNames, sharePointHost, tenantDomain } from '../auth/personas';
import { driveId, driveItemId, guid, nameGuid, type Rng, seededRng } from '../store/ids';
import { insertItem, type ItemRow } from '../store/items';
import { putEntity } from '../store/entities';
import type { ColumnDef } from '../store/sites';
import { stmt } from '../store/db';
import { setMeta } from '../tenant';
import * as cat from './catalog';
import { seededAttachmentsKey, type SeededAttachment } from '../graph/messages';
import { seedPersonalSites } from './personalSites';

const day = 86_400_000;

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function emailOf(displayName: string): string {
  const ascii = displayName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z ]/g, '')
    .toLowerCase()
    .split(' ')
    .join('.');
  return `${ascii}@${tenantDomain}`;
}

export const libraryColumns: ColumnDef[] = [
  { name: 'Title', displayName: 'Title', type: 'text' },
  {
    name: 'Department',
    displayName: 'Department',
    type: 'choice',
    choices: ['Administration', 'Human Resources', 'Finance', 'Legal', 'Projects', 'Records Management', 'Marketing']
  },
  { name: 'DocumentType', displayName: 'Document Type', type: 'choice', choices: cat.documentTypes },
  { name: 'ReferenceNumber', displayName: 'Reference Number', type: 'text' },
  { name: 'ComplianceAssetId', displayName: 'Compliance Asset Id', type: 'text' }
];

/**
 * The columns a library set up for filed email has (Custodian adds them when a site owner makes a library take
 * email; the seed has one library already set up, so the demo's email journey works from a fresh start).
 */
export const emailColumns: ColumnDef[] = [
  { name: 'EmailFrom', displayName: 'From', type: 'text' },
  { name: 'EmailTo', displayName: 'To', type: 'text' },
  { name: 'EmailSent', displayName: 'Sent', type: 'dateTime' },
  { name: 'EmailSubject', displayName: 'Subject', type: 'text' },
  { name: 'InternetMessageId', displayName: 'Internet Message Id', type: 'text', indexed: true },
  { name: 'ConversationId', displayName: 'Conversation Id', type: 'text' }
];

export const matterColumns: ColumnDef[] = [
  { name: 'Title', displayName: 'Title', type: 'text', required: true },
  { name: 'MatterNumber', displayName: 'Matter Number', type: 'text' },
  { name: 'Status', displayName: 'Status', type: 'choice', choices: ['Open', 'On hold', 'Closed'] },
  { name: 'ComplianceAssetId', displayName: 'Compliance Asset Id', type: 'text' }
];

interface Person {
  id: string;
  displayName: string;
  mail: string;
}

/**
 * Writes a whole organisation into an empty store from `seed`, in the caller's transaction. The same seed and
 * item count always give the same ids, names and labels, and the same ages: dates count back from the day
 * the tenant is seeded (`seededAtMs`, the tenant's clock, which a reset sets back to real time).
 * One prepared statement per table keeps 100,000 documents to a few seconds.
 */
export function seedTenant(db: Database.Database, seed: number, itemCount: number, seededAtMs: number): void {
  const rng = seededRng(seed);
  const epoch = cat.seedDayOf(seededAtMs);
  let seq = 0;
  setMeta(db, 'seed', String(seed));
  setMeta(db, 'items', String(itemCount));
  setMeta(db, 'seedDay', new Date(epoch).toISOString());
  // Not derived from the seed: a reset with the same seed is a new tenant to a page that keeps data about it (the
  // Teams tab's index in IndexedDB, named after this).
  setMeta(db, 'generation', randomUUID());

  // People: the personas first (fixed names), then colleagues.
  const people: Person[] = [];
  const personaUsers: Record<string, Person> = {};
  const insertUser = stmt(db, 'INSERT INTO users (id, upn, data) VALUES (?, ?, ?)');
  for (const name of personaNames) {
    const p = personas[name];
    const person = { id: guid(rng), displayName: p.displayName, mail: p.userPrincipalName };
    personaUsers[name] = person;
    people.push(person);
    insertUser.run(person.id, p.userPrincipalName, JSON.stringify(userDoc(person, p.jobTitle, name)));
  }
  for (const displayName of cat.extraPeople) {
    const person = { id: guid(rng), displayName, mail: emailOf(displayName) };
    people.push(person);
    insertUser.run(person.id, person.mail, JSON.stringify(userDoc(person, 'Analyst', undefined)));
  }
  const admin = personaUsers['admin'];
  const by = (p: Person): Record<string, unknown> => ({ user: { id: p.id, displayName: p.displayName, email: p.mail } });
  const epochIso = (daysBefore: number): string => iso(epoch - daysBefore * day);

  // Sensitivity labels, with sublabels.
  let priority = 0;
  for (const s of cat.sensitivityLabels) {
    const id = guid(rng);
    const subs = (s.sublabels ?? []).map((name) => ({ id: guid(rng), name }));
    putEntity(db, 'sensitivityLabel', sensitivityDoc(id, s.name, s, priority++, subs.length === 0, null), s.name);
    for (const sub of subs)
      putEntity(db, 'sensitivityLabel', sensitivityDoc(sub.id, sub.name, s, priority++, true, id), `${s.name}/${sub.name}`, id);
  }

  // Retention event types.
  const eventTypeIds: Record<string, string> = {};
  for (const e of cat.eventTypes) {
    const id = guid(rng);
    eventTypeIds[e.displayName] = id;
    putEntity(
      db,
      'retentionEventType',
      {
        id,
        displayName: e.displayName,
        description: e.description,
        createdBy: by(admin),
        createdDateTime: epochIso(900),
        lastModifiedBy: by(admin),
        lastModifiedDateTime: epochIso(900)
      },
      e.displayName
    );
  }

  // Purview's built-in event types: ids from their names, so the seed's random stream (and all it draws) is unchanged.
  for (const e of cat.builtInEventTypes) {
    putEntity(
      db,
      'retentionEventType',
      {
        id: nameGuid(`retentionEventType:${e.displayName}`),
        displayName: e.displayName,
        description: e.description,
        createdBy: by(admin),
        createdDateTime: epochIso(1500),
        lastModifiedBy: by(admin),
        lastModifiedDateTime: epochIso(1500)
      },
      e.displayName
    );
  }

  // File plan descriptor templates.
  const templateIds = new Map<string, string>();
  const template = (
    kind: 'authority' | 'category' | 'citation' | 'department' | 'filePlanReference',
    name: string,
    extra: Record<string, unknown> = {}
  ): string => {
    const key = `${kind}:${name}`;
    const existing = templateIds.get(key);
    if (existing) return existing;
    const id = guid(rng);
    templateIds.set(key, id);
    putEntity(db, kind, { id, displayName: name, createdBy: by(admin), createdDateTime: epochIso(1000), ...extra }, name);
    return id;
  };
  const subcategoryIds = new Map<string, string>();
  const subcategory = (categoryId: string, name: string): string => {
    const key = `${categoryId}:${name}`;
    const existing = subcategoryIds.get(key);
    if (existing) return existing;
    const id = guid(rng);
    subcategoryIds.set(key, id);
    putEntity(db, 'subcategory', { id, displayName: name, createdBy: by(admin), createdDateTime: epochIso(1000) }, name, categoryId);
    return id;
  };

  // Retention labels (the file plan), each with its descriptors.
  const labelBehavior: Record<string, cat.LabelSpec> = {};
  for (const l of cat.retentionLabels) {
    labelBehavior[l.displayName] = l;
    const id = guid(rng);
    const categoryId = template('category', l.category);
    const descriptors: Record<string, unknown> = {
      authority: { id: template('authority', l.authority), displayName: l.authority },
      category: {
        id: categoryId,
        displayName: l.category,
        subcategory: l.subcategory ? { id: subcategory(categoryId, l.subcategory), displayName: l.subcategory } : null
      },
      citation: l.citation
        ? {
            id: template('citation', l.citation, {
              citationUrl: cat.citations[l.citation].url,
              citationJurisdiction: cat.citations[l.citation].jurisdiction
            }),
            displayName: l.citation,
            citationUrl: cat.citations[l.citation].url,
            citationJurisdiction: cat.citations[l.citation].jurisdiction
          }
        : null,
      department: { id: template('department', l.department), displayName: l.department },
      filePlanReference: { id: template('filePlanReference', l.reference), displayName: l.reference }
    };
    const doc: Record<string, unknown> & { id: string } = {
      id,
      displayName: l.displayName,
      behaviorDuringRetentionPeriod: l.behavior,
      actionAfterRetentionPeriod: l.action,
      retentionTrigger: l.trigger,
      retentionDuration:
        l.days === 'forever'
          ? { '@odata.type': '#microsoft.graph.security.retentionDurationForever' }
          : { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: l.days },
      isInUse: true,
      descriptionForAdmins: `${l.reference}: ${l.category}${l.subcategory ? ' / ' + l.subcategory : ''}.`,
      descriptionForUsers: descriptionForUsers(l),
      createdBy: by(admin),
      createdDateTime: epochIso(800),
      lastModifiedBy: by(admin),
      lastModifiedDateTime: epochIso(800),
      labelToBeApplied: null,
      defaultRecordBehavior: l.defaultRecordBehavior ?? 'startLocked',
      dispositionReviewStages: (l.stages ?? []).map((s, i) => ({
        id: guid(rng),
        name: s.name,
        stageNumber: String(i + 1),
        reviewersEmailAddresses: s.reviewers.map((r) => `${r}@${tenantDomain}`)
      })),
      descriptors,
      retentionEventTypeId: l.eventType ? eventTypeIds[l.eventType] : null
    };
    putEntity(db, 'retentionLabel', doc, l.displayName);
  }
  // A few templates not yet used by any label, as a real file plan has.
  template('department', 'Information Technology');
  template('authority', 'Contractual');

  // Sites, libraries, lists, documents.
  const insertSite = stmt(db, 'INSERT INTO sites (id, path, name, display_name, description, created, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertList = stmt(
    db,
    'INSERT INTO lists (id, site_id, url_name, display_name, template, drive_id, root_id, columns, created, modified, default_label, next_num, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  );
  const libraries: { spec: cat.LibrarySpec; siteSpec: cat.SiteSpec; listId: string; rootId: string }[] = [];
  const siteIds: Record<string, string> = {};
  for (const s of cat.sites) {
    const id = `${sharePointHost},${guid(rng)},${guid(rng)}`;
    siteIds[s.path] = id;
    insertSite.run(id, s.path, s.name, s.displayName, s.description, epochIso(4400), '{}');
    for (const lib of s.libraries) {
      const listId = guid(rng);
      const rootId = driveItemId(rng);
      insertList.run(
        listId,
        id,
        lib.urlName,
        lib.displayName,
        'documentLibrary',
        driveId(rng),
        rootId,
        JSON.stringify(lib.takesEmail ? [...libraryColumns, ...emailColumns] : libraryColumns),
        epochIso(4400),
        epochIso(10),
        lib.defaultLabel ?? null,
        1,
        `${lib.department} documents.`
      );
      libraries.push({ spec: lib, siteSpec: s, listId, rootId });
    }
    for (const list of s.lists ?? []) {
      const listId = guid(rng);
      insertList.run(
        listId,
        id,
        list.urlName,
        list.displayName,
        'genericList',
        null,
        null,
        JSON.stringify(matterColumns),
        epochIso(4000),
        epochIso(10),
        null,
        1,
        'Legal matters.'
      );
      let num = 1;
      for (let i = 0; i < 60; i++) {
        const created = epoch - Math.floor(rng() * 12 * 365 * day);
        const company = pick(rng, cat.companies);
        const author = pick(rng, people);
        const title =
          i === 0
            ? 'Matter "Alpha" <urgent> & O\'Brien'
            : `${company} - ${pick(rng, ['Dispute', 'Acquisition', 'Licensing', 'Employment claim', 'Lease'])}`;
        insertItem(db, {
          ...blankItem(),
          id: driveItemId(rng),
          list_id: listId,
          num: num++,
          uid: guid(rng),
          path: `/${num - 1}_.000`,
          path_lc: `/${num - 1}_.000`,
          name: `${num - 1}_.000`,
          created: iso(created),
          modified: iso(created + Math.floor(rng() * 200) * day),
          created_by: author.id,
          modified_by: author.id,
          fields: JSON.stringify({
            Title: title,
            MatterNumber: `M-${1000 + i}`,
            Status: pick(rng, ['Open', 'On hold', 'Closed']),
            ComplianceAssetId: `MAT-${1000 + i}`
          }),
          seq: ++seq
        });
      }
      stmt(db, 'UPDATE lists SET next_num = ? WHERE id = ?').run(num, listId);
    }
  }

  const appliableSensitivity = (
    stmt(db, "SELECT id, data FROM entities WHERE kind = 'sensitivityLabel'").all() as { id: string; data: string }[]
  )
    .filter((r) => (JSON.parse(r.data) as { isAppliable: boolean }).isAppliable)
    .map((r) => r.id);

  // Spread documents over libraries; hostile names and one regulatory record are always present.
  const perLibrary = libraries.map(() => 0);
  for (let i = 0; i < itemCount; i++) perLibrary[i % libraries.length]++;
  libraries.forEach((lib, li) => {
    let num = 1;
    const names = new Set<string>();
    const folderIds: { id: string; path: string }[] = [];
    const add = (
      row: Partial<ItemRow> & { name: string; parentPath: string; parentId: string; isFolder?: boolean; createdAt: number }
    ): string => {
      let name = row.name;
      let path = `${row.parentPath}/${name}`;
      for (let n = 2; names.has(path.toLowerCase()); n++) {
        const dot = row.name.lastIndexOf('.');
        name = dot > 0 && !row.isFolder ? `${row.name.slice(0, dot)} (${n})${row.name.slice(dot)}` : `${row.name} (${n})`;
        path = `${row.parentPath}/${name}`;
      }
      names.add(path.toLowerCase());
      const id = driveItemId(rng);
      const author = row.created_by ?? pick(rng, people).id;
      insertItem(db, {
        ...blankItem(),
        ...row,
        id,
        list_id: lib.listId,
        num: num++,
        uid: guid(rng),
        parent_id: row.parentId,
        path,
        path_lc: path.toLowerCase(),
        name,
        is_folder: row.isFolder ? 1 : 0,
        created: iso(row.createdAt),
        modified: row.modified ?? iso(row.createdAt),
        created_by: author,
        modified_by: row.modified_by ?? author,
        seq: ++seq
      } as ItemRow);
      return id;
    };
    for (const f of cat.folders) {
      const id = add({
        name: f,
        parentPath: '',
        parentId: lib.rootId,
        isFolder: true,
        createdAt: epoch - 4000 * day,
        fields: JSON.stringify({ Title: f })
      });
      folderIds.push({ id, path: `/${f}` });
    }
    const site = lib.siteSpec.path;
    for (const h of cat.hostileFiles.filter((x) => x.site === site && x.library === lib.spec.urlName)) {
      add({
        name: h.name,
        parentPath: '',
        parentId: lib.rootId,
        createdAt: epoch - 30 * day,
        size: 24_576,
        mime: mimeOf(h.name),
        fields: JSON.stringify({
          Title: h.title,
          Department: lib.spec.department,
          DocumentType: 'Correspondence',
          ReferenceNumber: 'HOSTILE-1'
        })
      });
    }
    if (lib.spec.urlName === 'Records') {
      const created = epoch - 6 * 365 * day;
      add({
        name: 'Regulatory Return Q4 2019 - SEC.pdf',
        parentPath: '',
        parentId: lib.rootId,
        createdAt: created,
        size: 412_113,
        mime: 'application/pdf',
        fields: JSON.stringify({
          Title: 'Regulatory Return Q4 2019',
          Department: 'Records Management',
          DocumentType: 'Report',
          ReferenceNumber: 'REG-2019-Q4'
        }),
        label: 'Regulatory Filings - 10 Years',
        label_at: iso(created + day),
        label_by: personaUsers['records-manager'].id,
        label_explicit: 1,
        locked: 1
      });
    }
    for (let i = 0; i < perLibrary[li]; i++) {
      const created = epoch - Math.floor(rng() * 12 * 365 * day) - Math.floor(rng() * day);
      const modified = created + Math.floor(rng() * Math.min(epoch - created, 400 * day));
      const year = new Date(created).getUTCFullYear();
      const name = fillPattern(rng, pick(rng, lib.spec.patterns), year, created);
      const inFolder = rng() < 0.35 ? pick(rng, folderIds) : undefined;
      const fields: Record<string, unknown> = {
        Title: name.replace(/\.[^.]+$/, ''),
        Department: lib.spec.department,
        DocumentType: pick(rng, cat.documentTypes),
        ReferenceNumber: `${lib.spec.department.slice(0, 3).toUpperCase()}-${year}-${String(Math.floor(rng() * 100000)).padStart(5, '0')}`
      };
      // Derived from what is drawn already, so the email columns leave every other seeded value as it was.
      if (lib.spec.takesEmail) {
        const sender = people[i % people.length];
        Object.assign(fields, {
          EmailFrom: sender.mail,
          EmailTo: people[(i + 1) % people.length].mail,
          EmailSent: iso(created),
          EmailSubject: fields.Title,
          InternetMessageId: `<seed.${lib.listId.slice(0, 8)}.${i}@custodiandev.onmicrosoft.com>`,
          ConversationId: `seed-${lib.listId.slice(0, 8)}-${i}`
        });
      }
      const row: Partial<ItemRow> = {};
      const labelled = lib.spec.defaultLabel ? rng() < 0.7 : rng() < 0.4;
      if (labelled) {
        const labelName = lib.spec.defaultLabel && rng() < 0.8 ? lib.spec.defaultLabel : pick(rng, lib.spec.labels);
        const spec = labelBehavior[labelName];
        const labelledAt = created + Math.floor(rng() * Math.min(epoch - created, 30 * day));
        row.label = labelName;
        row.label_at = iso(labelledAt);
        row.label_by = pick(rng, people).id;
        row.label_explicit = labelName === lib.spec.defaultLabel ? 0 : 1;
        if (spec.behavior === 'retainAsRecord' || spec.behavior === 'retainAsRegulatoryRecord') {
          const startLocked = (spec.defaultRecordBehavior ?? 'startLocked') === 'startLocked';
          const stayLocked = spec.behavior === 'retainAsRegulatoryRecord' || rng() < 0.85;
          row.locked = startLocked && stayLocked ? 1 : 0;
          row.unlocked_once = startLocked && !stayLocked ? 1 : 0;
        }
        if (spec.trigger === 'dateOfEvent') fields.ComplianceAssetId = assetIdFor(rng, spec.eventType ?? '', fields);
      }
      if (rng() < 0.3) {
        row.sens_label = pick(rng, appliableSensitivity);
        row.sens_method = rng() < 0.7 ? 'standard' : 'privileged';
      }
      add({
        ...row,
        name,
        parentPath: inFolder ? inFolder.path : '',
        parentId: inFolder ? inFolder.id : lib.rootId,
        createdAt: created,
        modified: iso(modified),
        size: 8_192 + Math.floor(rng() * 3_000_000),
        mime: mimeOf(name),
        fields: JSON.stringify(fields)
      });
    }
    stmt(db, 'UPDATE lists SET next_num = ? WHERE id = ?').run(num, lib.listId);
  });

  // Mailboxes: 100 messages for each of the three working personas, 12 for everyone else.
  const insertMessage = stmt(
    db,
    'INSERT INTO messages (id, user_id, received, data, categories, ext, version) VALUES (?, ?, ?, ?, ?, ?, 1)'
  );
  const sensitivityIds = appliableSensitivity;
  for (const owner of people) {
    const isWorker =
      owner === personaUsers['office-worker'] || owner === personaUsers['site-owner'] || owner === personaUsers['records-manager'];
    const count = isWorker ? 100 : 12;
    for (let i = 0; i < count; i++) {
      const from = pick(
        rng,
        people.filter((p) => p !== owner)
      );
      // The office worker's newest email (Outlook's demo) comes with two attachments, to file beside it.
      const withAttachments = owner === personaUsers['office-worker'] && i === 2;
      const drawn = epoch - Math.floor(rng() * 3 * 365 * day);
      const received = withAttachments ? epoch - 2 * 3600_000 : drawn;
      const company = pick(rng, cat.companies);
      const subject =
        i === 0 && isWorker
          ? 'Re: Contract "Alpha" <draft> #5 & O\'Brien 🚀'
          : i === 1 && isWorker
            ? 'تحديث السياسة: مراجعة العقد'
            : `${pick(rng, ['', 'Re: ', 'FW: '])}${pick(rng, cat.subjects)} - ${company}`;
      const id = `AAMkAG${Buffer.from(Array.from({ length: 45 }, () => Math.floor(rng() * 256))).toString('base64url')}`;
      const conversationId = `AAQkAG${Buffer.from(Array.from({ length: 24 }, () => Math.floor(rng() * 256))).toString('base64url')}`;
      const ext: Record<string, string> = {};
      if (rng() < 0.2) {
        const label = pick(rng, sensitivityIds);
        ext['String {00020386-0000-0000-C000-000000000046} Name msip_labels'] =
          `MSIP_Label_${label}_Enabled=true; MSIP_Label_${label}_SiteId=${'6f1c2a4e-5b7d-4c3e-9a8f-0d1e2f3a4b5c'}; MSIP_Label_${label}_Method=Standard`;
      }
      const preview = `Hello ${owner.displayName.split(' ')[0]}, please find the ${pick(rng, cat.subjects).toLowerCase()} for ${company}.`;
      const data = {
        id,
        subject,
        bodyPreview: preview,
        body: { contentType: 'text', content: `${preview}\n\nKind regards,\n${from.displayName}` },
        from: { emailAddress: { name: from.displayName, address: from.mail } },
        sender: { emailAddress: { name: from.displayName, address: from.mail } },
        toRecipients: [{ emailAddress: { name: owner.displayName, address: owner.mail } }],
        ccRecipients: [],
        receivedDateTime: iso(received),
        sentDateTime: iso(received - 60_000),
        createdDateTime: iso(received),
        lastModifiedDateTime: iso(received),
        internetMessageId: `<${guid(rng)}@${tenantDomain}>`,
        conversationId,
        hasAttachments: withAttachments,
        ...(withAttachments ? { [seededAttachmentsKey]: demoAttachments(company) } : {}),
        importance: rng() < 0.1 ? 'high' : 'normal',
        isRead: rng() < 0.8,
        isDraft: false,
        parentFolderId: 'inbox'
      };
      insertMessage.run(id, owner.id, iso(received), JSON.stringify(data), '[]', JSON.stringify(ext));
    }
  }

  // An eDiscovery case with a legal hold on the Legal site.
  const caseId = guid(rng);
  const holdId = guid(rng);
  const recordsManager = personaUsers['records-manager'];
  putEntity(
    db,
    'ediscoveryCase',
    {
      id: caseId,
      displayName: 'Northwind Traders v. Custodian Dev',
      description: 'Supply contract dispute (2024).',
      status: 'active',
      externalId: 'LIT-2024-017',
      createdDateTime: epochIso(400),
      lastModifiedDateTime: epochIso(30),
      createdBy: by(recordsManager),
      lastModifiedBy: by(recordsManager),
      closedBy: null,
      closedDateTime: null
    },
    'Northwind Traders v. Custodian Dev'
  );
  putEntity(
    db,
    'legalHold',
    {
      id: holdId,
      displayName: 'Northwind litigation hold',
      description: 'Preserve all Legal site content.',
      contentQuery: '',
      isEnabled: true,
      status: 'success',
      errors: [],
      createdDateTime: epochIso(399),
      lastModifiedDateTime: epochIso(399),
      createdBy: by(recordsManager),
      lastModifiedBy: by(recordsManager)
    },
    'Northwind litigation hold',
    caseId
  );
  putEntity(
    db,
    'siteSource',
    {
      id: guid(rng),
      displayName: 'Legal',
      holdStatus: 'applied',
      createdDateTime: epochIso(399),
      createdBy: by(recordsManager),
      siteId: siteIds['/sites/legal']
    },
    'Legal',
    holdId
  );
  putEntity(
    db,
    'userSource',
    {
      id: guid(rng),
      displayName: personaUsers['site-owner'].displayName,
      email: personaUsers['site-owner'].mail,
      includedSources: 'mailbox',
      holdStatus: 'applied',
      createdDateTime: epochIso(399),
      createdBy: by(recordsManager)
    },
    personaUsers['site-owner'].mail,
    holdId
  );
  seedPersonalSites(db, seed, epoch);
}

function userDoc(p: Person, jobTitle: string, persona: string | undefined): Record<string, unknown> {
  const [givenName, ...rest] = p.displayName.split(' ');
  return {
    id: p.id,
    displayName: p.displayName,
    givenName,
    surname: rest.join(' '),
    userPrincipalName: p.mail,
    mail: p.mail,
    jobTitle,
    officeLocation: 'London',
    preferredLanguage: 'en-GB',
    businessPhones: [],
    mobilePhone: null,
    ...(persona ? { '@devtenant.persona': persona } : {})
  };
}

function sensitivityDoc(
  id: string,
  name: string,
  s: (typeof cat.sensitivityLabels)[number],
  priority: number,
  isAppliable: boolean,
  parentId: string | null
): Record<string, unknown> & { id: string } {
  return {
    id,
    name,
    displayName: name,
    description: s.description,
    color: s.color,
    sensitivity: s.sensitivity,
    toolTip: s.description,
    priority,
    isActive: true,
    isAppliable,
    isDefault: false,
    isEnabled: true,
    isEndpointProtectionEnabled: false,
    isScopedToUser: false,
    hasProtection: s.hasProtection && parentId !== null,
    contentFormats: ['file', 'email'],
    applicableTo: 'email,file,site,unifiedGroup',
    locale: 'en-US',
    autoTooltip: '',
    actionSource: 'manual',
    parentId
  };
}

function blankItem(): ItemRow {
  return {
    id: '',
    list_id: '',
    num: 0,
    uid: '',
    parent_id: null,
    path: '',
    path_lc: '',
    name: '',
    is_folder: 0,
    size: 0,
    mime: null,
    created: '',
    modified: '',
    created_by: '',
    modified_by: '',
    version: 1,
    fields: '{}',
    label: null,
    label_at: null,
    label_by: null,
    label_explicit: 0,
    locked: 0,
    unlocked_once: 0,
    sens_label: null,
    sens_method: null,
    event_at: null,
    deleted: 0,
    seq: 0,
    content: null
  };
}

export function mimeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return (
    {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      pdf: 'application/pdf',
      eml: 'message/rfc822',
      txt: 'text/plain'
    }[ext] ?? 'application/octet-stream'
  );
}

function fillPattern(rng: Rng, pattern: string, year: number, created: number): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'year':
        return String(year);
      case 'yy':
        return String(year % 100).padStart(2, '0');
      case 'n':
        return `${1 + Math.floor(rng() * 9)}.${Math.floor(rng() * 10)}`;
      case 'num':
        return String(10000 + Math.floor(rng() * 90000));
      case 'quarter':
        return `Q${1 + Math.floor(rng() * 4)}`;
      case 'month':
        return cat.months[new Date(created).getUTCMonth()];
      case 'week':
        return String(1 + Math.floor(rng() * 52));
      case 'date':
        return new Date(created).toISOString().slice(0, 10);
      case 'person':
        return pick(rng, cat.extraPeople);
      case 'company':
        return pick(rng, cat.companies);
      case 'project':
        return pick(rng, cat.projects);
      case 'subject':
        return pick(rng, cat.subjects);
      default:
        return key;
    }
  });
}

function assetIdFor(rng: Rng, eventType: string, fields: Record<string, unknown>): string {
  if (eventType === 'Employee Departure') return `EMP-${1000 + Math.floor(rng() * 60)}`;
  if (eventType === 'Contract Expiry') return `CON-${2000 + Math.floor(rng() * 80)}`;
  if (eventType === 'Project Closure')
    return `PRJ-${
      String(fields.Title ?? '')
        .split(' - ')
        .pop()
        ?.toUpperCase()
        .replace(/\W+/g, '-') ?? 'X'
    }`;
  return `ASSET-${Math.floor(rng() * 10000)}`;
}

/** The two files attached to the demo email: a signed agreement and its price schedule. */
function demoAttachments(company: string): SeededAttachment[] {
  const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  return [
    {
      name: 'Signed agreement.pdf',
      contentType: 'application/pdf',
      contentBase64: base64(`%PDF-1.4\n% Agreement with ${company}, signed\n%%EOF\n`)
    },
    { name: 'Schedule A - prices.csv', contentType: 'text/csv', contentBase64: base64('item,price\r\nSupport,1200\r\n') }
  ];
}

/** What an office worker reads under a seeded label: "Keep for 7 years after the event.", "Deleted 1 year after it was created." */
function descriptionForUsers(l: { behavior: string; trigger: string; days: number | 'forever' }): string {
  if (l.days === 'forever') return 'Keep for ever.';
  const years = Math.round(l.days / 365);
  const period = `${years} year${years === 1 ? '' : 's'}`;
  const since: Record<string, string> = { dateCreated: 'created', dateModified: 'last modified', dateLabeled: 'labelled' };
  if (l.behavior === 'doNotRetain') return `Deleted ${period} after it was ${since[l.trigger] ?? 'created'}.`;
  return `Keep for ${period}${l.trigger === 'dateOfEvent' ? ' after the event' : ''}.`;
}
