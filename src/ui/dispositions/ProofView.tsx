import * as React from 'react';
import {
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStaticStyles,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { AsyncView, EmptyState, useAsync } from '../common';
import { Certificate } from './Certificate';
import { downloadText } from '../common/downloadText';
import { formatDateTime } from '../common/dates';
import { actionWords, inWords, outcomeWords, plural } from './formatting';
import { writeProofRegisterCsv } from '../../core/domain/proofRegisterCsv';
import { disposalBatches, type DisposalBatch } from './proof';
import type { ProofRegisterReport } from '../../core/services/disposition/readProofRegister';
import type { DispositionsServices } from './DispositionsServices';

export interface ProofViewProps {
  services: DispositionsServices;
  /** Changes when decisions were made elsewhere in the app: the register is read again. */
  version: number;
}

/**
 * The print stylesheet: what carries `data-print-hide` (navigation, banners, buttons) is left out of print, and the
 * page prints black on white whatever the Teams theme.
 */
export const usePrintStyles = makeStaticStyles(
  '@media print { [data-print-hide] { display: none !important; } body, main { background: white !important; color: black !important; min-height: auto !important; } }'
);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: { overflowWrap: 'anywhere' },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  scroll: { maxHeight: '480px', overflowY: 'auto' }
});

/** The proof register with its chain verified, its CSV export, and a printable certificate of disposal per batch. */
export function ProofView({ services, version }: ProofViewProps): React.ReactElement {
  const styles = useStyles();
  usePrintStyles();
  const [register, reload] = useAsync((signal) => services.register(signal), [services, version]);
  const [certificate, setCertificate] = React.useState<DisposalBatch | undefined>();

  return (
    <AsyncView
      state={register}
      loadingLabel="Reading and verifying the proof register"
      errorWhat="Custodian could not read the proof register."
      onRetry={reload}
    >
      {(data) =>
        certificate ? (
          <Certificate batch={certificate} verification={data.verification} onBack={() => setCertificate(undefined)} />
        ) : (
          <RegisterBody data={data} styles={styles} onReload={reload} onCertificate={setCertificate} />
        )
      }
    </AsyncView>
  );
}

function RegisterBody(props: {
  data: ProofRegisterReport;
  styles: ReturnType<typeof useStyles>;
  onReload(): void;
  onCertificate(batch: DisposalBatch): void;
}): React.ReactElement {
  const { data, styles } = props;
  const { verification, entries } = data;
  const batches = React.useMemo(() => disposalBatches(entries), [entries]);
  return (
    <div className={styles.root}>
      {verification.ok ? (
        <MessageBar intent="success" layout="multiline" data-testid="chain-status">
          <MessageBarBody>
            <MessageBarTitle>Chain verified</MessageBarTitle>
            {`${plural(verification.count, 'entry', 'entries')}, each chained to the one before by SHA-256${verification.anchoredSequence !== undefined ? `; the chain passes through every anchor, the newest at entry ${verification.anchoredSequence} (anchor ${verification.anchorId ?? ''})` : ''}. Head hash ${verification.headHash}.`}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline" data-testid="chain-status">
          <MessageBarBody>
            <MessageBarTitle>Chain broken: the register was tampered with</MessageBarTitle>
            {`${verification.reason}${verification.entry ? ` (entry ${verification.entry.sequence}, “${verification.entry.subjectName}”)` : ''} Report this to your compliance officer; do not rely on this register until it is explained.`}
            {(verification.rejectedAnchors ?? []).map((a) => (
              <Text as="p" key={a.id}>{`Anchor ${a.id} (${a.name}) rejected: ${a.reason}.`}</Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={props.onReload}>Verify again</Button>
        <Button
          onClick={() => downloadText('custodian-proof-register.csv', writeProofRegisterCsv(entries))}
          disabled={entries.length === 0}
        >
          Export to CSV
        </Button>
      </div>

      <Card className={styles.card}>
        <Subtitle2 as="h2">Certificates of disposal</Subtitle2>
        {batches.length === 0 ? (
          <Caption1>No item has been disposed of yet.</Caption1>
        ) : (
          <ul aria-label="Disposal batches">
            {batches.map((batch) => (
              <li key={batch.id}>
                <Text>{`${batch.day}: ${plural(batch.entries.length, 'item')} approved for disposal by ${batch.by} `}</Text>
                <Button
                  size="small"
                  onClick={() => props.onCertificate(batch)}
                  aria-label={`Certificate of disposal for ${batch.day} by ${batch.by}`}
                >
                  Certificate
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Subtitle2 as="h2">Register</Subtitle2>
      {entries.length === 0 ? (
        <EmptyState title="The register is empty" headingLevel={3}>
          Every decision, disposal and hold is recorded here once it is made.
        </EmptyState>
      ) : (
        <div className={styles.scroll} role="region" aria-label="Proof register entries" tabIndex={0}>
          <Table aria-label="Proof register" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>#</TableHeaderCell>
                <TableHeaderCell>Recorded</TableHeaderCell>
                <TableHeaderCell>Subject</TableHeaderCell>
                <TableHeaderCell>Decision</TableHeaderCell>
                <TableHeaderCell>By</TableHeaderCell>
                <TableHeaderCell>Justification</TableHeaderCell>
                <TableHeaderCell>Hash</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...entries].reverse().map((entry) => (
                <TableRow key={`${entry.sequence}-${entry.hash}`}>
                  <TableCell>{entry.sequence}</TableCell>
                  <TableCell>{formatDateTime(entry.recordedAt)}</TableCell>
                  <TableCell className={styles.cell}>{entry.subjectName}</TableCell>
                  <TableCell
                    className={styles.cell}
                  >{`${inWords(actionWords, entry.action)}${entry.stage ? ` (stage ${entry.stage})` : ''}: ${inWords(outcomeWords, entry.outcome)}`}</TableCell>
                  <TableCell className={styles.cell}>{entry.by}</TableCell>
                  <TableCell className={styles.cell}>{entry.justification}</TableCell>
                  <TableCell className={styles.hash}>{entry.hash.slice(0, 12)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
